package org.careaccess.keycloak.otp;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;

import org.careaccess.keycloak.sms.SmsMessage;

/**
 * The words of a security code text, in the language of the sign-in. The first line comes from
 * the theme's message {@value #MESSAGE_KEY} ({@code {0}} the code, {@code {1}} the service name),
 * which an organisation can override like any other theme message; the last line is
 * origin-bound ({@code @host #code}, the WebOTP format) and never translated: phones offer to
 * fill the code in only on that site, which blunts phishing.
 */
public final class SecurityCodeText {

    /** Theme message key of the first line. */
    public static final String MESSAGE_KEY = "careaccess.sms.codeText";
    /** The English wording, used where the realm's theme has none. */
    static final String ENGLISH = "{0} is your {1} security code. Do not share it.";

    private SecurityCodeText() {
    }

    /**
     * @param wording the theme's {@value #MESSAGE_KEY} pattern for {@code locale}
     */
    public static SmsMessage of(String to, String code, String serviceName, String host, String wording, Locale locale) {
        String text = new MessageFormat(wording, locale).format(new Object[] {code, serviceName}) + "\n\n@" + host + " #" + code;
        return new SmsMessage(to, text, Map.of(
                "code", code,
                "service_name", serviceName,
                "origin", host,
                "message", text), locale);
    }
}
