package org.careaccess.keycloak.sms;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A text to send: the E.164 number, the full text, the same content as named values for
 * gateways that render their own template (GOV.UK Notify personalisation), and the language it
 * is written in (Notify picks its Welsh template by it).
 */
public record SmsMessage(String to, String text, Map<String, String> personalisation, Locale locale) {

    public SmsMessage {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(text, "text");
        personalisation = Map.copyOf(personalisation);
        locale = locale == null ? Locale.ENGLISH : locale;
    }

    /** A text in English. */
    public SmsMessage(String to, String text, Map<String, String> personalisation) {
        this(to, text, personalisation, Locale.ENGLISH);
    }

    public boolean isWelsh() {
        return "cy".equals(locale.getLanguage());
    }

    /** The number with all but its last two digits hidden, fit for logs and screens. */
    public String maskedTo() {
        return PhoneNumberMask.mask(to);
    }

    @Override
    public String toString() {
        return "SmsMessage[to=" + maskedTo() + "]";
    }
}
