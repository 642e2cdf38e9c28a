package org.careaccess.keycloak.sms;

import java.util.Map;
import java.util.Objects;

/**
 * A text to send: the E.164 number, the full text, and the same content as named values for
 * gateways that render their own template (GOV.UK Notify personalisation).
 */
public record SmsMessage(String to, String text, Map<String, String> personalisation) {

    public SmsMessage {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(text, "text");
        personalisation = Map.copyOf(personalisation);
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
