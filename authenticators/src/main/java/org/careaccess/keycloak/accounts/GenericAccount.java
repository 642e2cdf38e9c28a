package org.careaccess.keycloak.accounts;

import org.keycloak.models.UserModel;

/**
 * A generic (shared) staff account: user attribute {@value #ATTRIBUTE} = {@code true}, which only
 * a realm administrator can set or clear (an admin-only attribute of the user profile). Its
 * two-factor authentication is never reset by the support desk and it is never linked to an
 * NHSmail identity, which belongs to one person.
 */
public final class GenericAccount {

    public static final String ATTRIBUTE = "careaccess.generic";

    private GenericAccount() {
    }

    public static boolean is(UserModel user) {
        return user != null && Boolean.parseBoolean(user.getFirstAttribute(ATTRIBUTE));
    }
}
