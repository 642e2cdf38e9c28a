package org.careaccess.keycloak.sms;

/** Hides a phone number but for its last two digits, as the security-code screen shows it. */
public final class PhoneNumberMask {

    private PhoneNumberMask() {
    }

    public static String mask(String number) {
        if (number == null || number.length() < 4) {
            return "••";
        }
        return "•".repeat(Math.min(number.length() - 2, 9)) + number.substring(number.length() - 2);
    }

    public static String lastTwoDigits(String number) {
        return number == null || number.length() < 2 ? "" : number.substring(number.length() - 2);
    }
}
