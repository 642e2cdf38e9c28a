package org.careaccess.keycloak.broker;

import org.keycloak.authentication.authenticators.broker.AbstractIdpAuthenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * A step of a first broker login flow: it runs before any account is chosen, so it needs no user,
 * and it asks for no credential of its own.
 */
public abstract class BrokerLoginStep extends AbstractIdpAuthenticator {

    @Override
    public boolean requiresUser() {
        return false;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }
}
