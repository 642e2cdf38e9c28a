package org.careaccess.keycloak.otp;

import java.io.IOException;
import java.util.Locale;
import java.util.Properties;

import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.theme.Theme;

/**
 * The language a code is texted in, and its wording: the locale the sign-in page is shown in
 * (Keycloak's own choice for the person: the language they picked, their profile, the browser),
 * and {@value SecurityCodeText#MESSAGE_KEY} from the realm's login theme in that language,
 * with the realm's own overrides of theme messages (Realm settings ▸ Localization) applied.
 */
record SecurityCodeWording(Locale locale, String pattern) {

    private static final Logger LOG = Logger.getLogger(SecurityCodeWording.class);

    static SecurityCodeWording of(KeycloakSession session, RealmModel realm) {
        AuthenticationSessionModel authSession = session.getContext().getAuthenticationSession();
        UserModel user = authSession == null ? null : authSession.getAuthenticatedUser();
        Locale locale = session.getContext().resolveLocale(user, Theme.Type.LOGIN);
        try {
            Theme theme = session.theme().getTheme(Theme.Type.LOGIN);
            Properties messages = theme == null ? new Properties() : theme.getEnhancedMessages(realm, locale);
            String pattern = messages.getProperty(SecurityCodeText.MESSAGE_KEY);
            if (pattern != null && !pattern.isBlank()) {
                return new SecurityCodeWording(locale, pattern);
            }
        } catch (IOException e) {
            LOG.warnf("careaccess: the login theme's messages could not be read (%s); the code is texted in English",
                    e.getClass().getSimpleName());
        }
        return new SecurityCodeWording(Locale.ENGLISH, SecurityCodeText.ENGLISH);
    }
}
