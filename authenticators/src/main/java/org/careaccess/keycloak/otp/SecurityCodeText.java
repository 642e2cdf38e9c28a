package org.careaccess.keycloak.otp;

import java.util.Map;

import org.careaccess.keycloak.sms.SmsMessage;

/**
 * The words of a security code text. The last line is origin-bound ({@code @host #code}, the
 * WebOTP format): phones offer to fill the code in only on that site, which blunts phishing.
 */
public final class SecurityCodeText {

    private SecurityCodeText() {
    }

    public static SmsMessage of(String to, String code, String serviceName, String host) {
        String text = code + " is your " + serviceName + " security code. Do not share it.\n\n@" + host + " #" + code;
        return new SmsMessage(to, text, Map.of(
                "code", code,
                "service_name", serviceName,
                "origin", host,
                "message", text));
    }
}
