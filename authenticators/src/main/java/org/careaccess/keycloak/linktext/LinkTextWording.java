package org.careaccess.keycloak.linktext;

import java.io.IOException;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import org.careaccess.keycloak.link.Purpose;
import org.careaccess.keycloak.sms.SmsMessage;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.theme.Theme;

/**
 * The words of a link's text: the realm's login theme message {@code careaccess.sms.linkText.<purpose>}
 * (else {@code careaccess.sms.linkText}) in the record's language, with the realm's own overrides
 * (Realm settings ▸ Localization); {@code {0}} the organisation (the realm's display name), {@code {1}} the link.
 */
final class LinkTextWording {

    static final String MESSAGE_KEY = "careaccess.sms.linkText";
    static final String ENGLISH = "{0} has sent you a link: {1}";

    private static final Logger LOG = Logger.getLogger(LinkTextWording.class);

    private LinkTextWording() {
    }

    static SmsMessage message(KeycloakSession session, RealmModel realm, Purpose purpose, Locale locale, String to, String url) {
        String organisation = realm.getDisplayName() == null || realm.getDisplayName().isBlank() ? realm.getName() : realm.getDisplayName();
        String pattern = pattern(session, realm, purpose, locale);
        String text = new MessageFormat(pattern, locale).format(new Object[] {organisation, url});
        return new SmsMessage(to, text, Map.of("message", text, "service_name", organisation, "url", url), locale);
    }

    private static String pattern(KeycloakSession session, RealmModel realm, Purpose purpose, Locale locale) {
        try {
            Theme theme = session.theme().getTheme(Theme.Type.LOGIN);
            Properties messages = theme == null ? new Properties() : theme.getEnhancedMessages(realm, locale);
            String pattern = messages.getProperty(MESSAGE_KEY + "." + purpose.value(), messages.getProperty(MESSAGE_KEY));
            if (pattern != null && !pattern.isBlank()) {
                return pattern;
            }
        } catch (IOException e) {
            LOG.warnf("careaccess: the login theme's messages could not be read (%s); the link is texted in English",
                    e.getClass().getSimpleName());
        }
        return ENGLISH;
    }
}
