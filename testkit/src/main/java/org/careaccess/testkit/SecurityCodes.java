package org.careaccess.testkit;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the security code out of a CareAccess text, the way a phone's autofill does. */
public final class SecurityCodes {

    /** The origin-bound last line: {@code @host #123456}. */
    private static final Pattern ORIGIN_BOUND = Pattern.compile("@\\S+ #(\\d{6})\\s*$");

    private SecurityCodes() {
    }

    public static String in(String text) {
        Matcher matcher = ORIGIN_BOUND.matcher(text);
        if (!matcher.find()) {
            throw new AssertionError("no origin-bound code line in text: " + text);
        }
        return matcher.group(1);
    }
}
