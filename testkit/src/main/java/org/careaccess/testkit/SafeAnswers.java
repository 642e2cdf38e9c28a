package org.careaccess.testkit;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What every answer to a person or a client must be, whatever was sent and whatever broke behind
 * the server: not a 5xx unless the server really cannot serve (then a plain error page), and never
 * internals (a stack trace, exception or driver names, SQL) or hostile markup echoed unescaped.
 */
public final class SafeAnswers {

    /** Things only internals print: Java stack frames, exception and library class names, SQL errors. */
    private static final List<Pattern> INTERNALS = List.of(
            Pattern.compile("\\bat (?:java|jakarta|javax|org|com|io|sun)\\.[\\w.$]+\\("),
            Pattern.compile("\\b(?:java|jakarta|javax)\\.[a-z]+\\.[A-Z]\\w*(?:Exception|Error)\\b"),
            Pattern.compile("\\b[A-Z]\\w*(?:Exception|Error)\\b:"),
            Pattern.compile("\\bSQLState\\b|\\bPSQLException\\b|\\borg\\.hibernate\\b|\\borg\\.postgresql\\b|\\bjdbc:"),
            Pattern.compile("\\bCaused by:"));

    private SafeAnswers() {
    }

    /** A clear 4xx, a page, or a redirect: anything but a 5xx, and no internals. */
    public static void assertNoServerError(int status, String body, String what) {
        if (status >= 500) {
            throw new AssertionError(what + ": HTTP " + status + "\n" + excerpt(body));
        }
        assertRevealsNoInternals(body, what);
    }

    public static void assertNoServerError(Page page, String what) {
        assertNoServerError(page.status(), page.body(), what + " (" + page.uri() + ")");
    }

    /** No stack trace, exception or driver name, or SQL error in the body. */
    public static void assertRevealsNoInternals(String body, String what) {
        if (body == null) {
            return;
        }
        for (Pattern internal : INTERNALS) {
            var matcher = internal.matcher(body);
            if (matcher.find()) {
                int from = Math.max(0, matcher.start() - 200);
                throw new AssertionError(what + ": the answer shows internals (" + matcher.group() + "):\n"
                        + body.substring(from, Math.min(body.length(), matcher.end() + 200)));
            }
        }
    }

    /** The hostile value does not come back as live markup (escaped is fine). */
    public static void assertNotReflected(String body, FuzzInputs.Value value, String what) {
        if (value != null && value.isMarkup() && body != null && body.contains(value.value())) {
            throw new AssertionError(what + ": " + value + " was reflected unescaped");
        }
    }

    private static String excerpt(String body) {
        return body == null ? "" : body.substring(0, Math.min(body.length(), 2000));
    }
}
