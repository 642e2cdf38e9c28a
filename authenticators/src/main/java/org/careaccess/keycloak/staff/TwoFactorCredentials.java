package org.careaccess.keycloak.staff;

import java.util.List;
import java.util.Optional;

import org.keycloak.credential.CredentialModel;
import org.keycloak.models.UserModel;

/** A staff member's two-factor credentials: which methods they have, their mobile, removing them. */
final class TwoFactorCredentials {

    private TwoFactorCredentials() {
    }

    /** The methods the user has set up, in the order the user (or an admin) gave their credentials. */
    static List<TwoFactorMethod> enrolled(UserModel user) {
        return user.credentialManager().getStoredCredentialsStream()
                .map(CredentialModel::getType)
                .map(TwoFactorMethod::ofCredentialType)
                .flatMap(Optional::stream)
                .distinct()
                .toList();
    }

    static boolean hasAny(UserModel user) {
        return !enrolled(user).isEmpty();
    }

    static Optional<SmsCredentialModel> sms(UserModel user) {
        return user.credentialManager().getStoredCredentialsByTypeStream(SmsCredentialModel.TYPE)
                .findFirst().map(SmsCredentialModel::from);
    }

    /** Removes every credential of this method: a new one replaces them (one phone and one app per person). */
    static void removeAll(UserModel user, TwoFactorMethod method) {
        user.credentialManager().getStoredCredentialsByTypeStream(method.credentialType())
                .map(CredentialModel::getId)
                .toList()
                .forEach(id -> user.credentialManager().removeStoredCredentialById(id));
    }

    /** Removes every two-factor credential; returns how many there were. */
    static int removeAll(UserModel user) {
        List<String> ids = user.credentialManager().getStoredCredentialsStream()
                .filter(c -> TwoFactorMethod.ofCredentialType(c.getType()).isPresent())
                .map(CredentialModel::getId)
                .toList();
        ids.forEach(id -> user.credentialManager().removeStoredCredentialById(id));
        return ids.size();
    }
}
