package org.careaccess.keycloak.flow;

import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * A CareAccess flow step: it needs the user an earlier step identified, asks for no credential
 * set-up and holds no per-request state. An interface, so that a step built on one of Keycloak's
 * own base classes (the staff sign-in form) shares these answers too.
 */
public interface FlowStep extends Authenticator {

    @Override
    default boolean requiresUser() {
        return true;
    }

    @Override
    default boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    default void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
    }

    @Override
    default void close() {
    }
}
