package org.careaccess.keycloak.staff;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jboss.logging.Logger;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/** The emails staff get, rendered by the realm's email theme ({@code careaccess-staff}) in their language. */
public final class StaffEmails {

    private static final Logger LOG = Logger.getLogger(StaffEmails.class);

    private StaffEmails() {
    }

    public static boolean signInLink(KeycloakSession session, RealmModel realm, UserModel user, URI link, long lifetimeMinutes) {
        return send(session, realm, user, "careaccess.email.signInLink.subject", "careaccess-signin-link.ftl",
                Map.of("link", link.toString(), "linkExpirationMinutes", lifetimeMinutes));
    }

    /** The notice after people reset their own two-factor authentication. */
    public static boolean twoFactorReset(KeycloakSession session, RealmModel realm, UserModel user) {
        return send(session, realm, user, "careaccess.email.twoFactorReset.subject", "careaccess-2fa-reset.ftl", Map.of());
    }

    /** The notice after the support desk reset someone's two-factor authentication. */
    public static boolean twoFactorResetBySupport(KeycloakSession session, RealmModel realm, UserModel user, String ticket) {
        return send(session, realm, user, "careaccess.email.twoFactorResetBySupport.subject", "careaccess-2fa-reset-support.ftl",
                Map.of("ticket", ticket));
    }

    private static boolean send(KeycloakSession session, RealmModel realm, UserModel user, String subjectKey, String template,
                                Map<String, Object> attributes) {
        if (user.getEmail() == null || user.getEmail().isBlank()) {
            LOG.warnf("careaccess: user %s has no email address; %s not sent", user.getId(), template);
            return false;
        }
        Map<String, Object> all = new HashMap<>(attributes);
        all.put("serviceName", serviceName(realm));
        try {
            session.getProvider(EmailTemplateProvider.class).setRealm(realm).setUser(user)
                    .send(subjectKey, List.of(serviceName(realm)), template, all);
            return true;
        } catch (EmailException e) {
            // The reason, not the message: it may carry the address.
            LOG.warnf("careaccess: could not send %s to user %s: %s", template, user.getId(), e.getClass().getSimpleName());
            return false;
        }
    }

    public static String serviceName(RealmModel realm) {
        String displayName = realm.getDisplayName();
        return displayName == null || displayName.isBlank() ? realm.getName() : displayName;
    }
}
