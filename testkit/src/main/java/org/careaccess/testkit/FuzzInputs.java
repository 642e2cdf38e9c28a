package org.careaccess.testkit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Malformed and hostile input for every form and endpoint: field values, broken form submissions,
 * wrong HTTP methods and malformed bodies. A fuzz test runs each case against a fresh copy of a
 * flow's form and asserts with {@link SafeAnswers} that the answer is a clear 4xx or the form again
 * with a message, never a 5xx or internals.
 */
public final class FuzzInputs {

    /** A marker a hostile value carries, so a test can see whether it was reflected unescaped. */
    public static final String MARKER = "careaccess-fuzz";

    public enum Category {
        HUGE, UNICODE_DIGITS, CONTROL_CHARACTERS, MARKUP, TEMPLATE, SQL, FORMAT_STRINGS, NUMBERS, BLANK, ENCODING
    }

    /** One hostile value for a field. */
    public record Value(Category category, String name, String value) {

        /** Whether this value is markup that must never come back unescaped. */
        public boolean isMarkup() {
            return category == Category.MARKUP;
        }

        @Override
        public String toString() {
            return category + ":" + name;
        }
    }

    /** One way to break a form submission, applied to a freshly loaded form before it is submitted. */
    public record FormCase(String name, Value value, Consumer<Form> apply) {

        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * A request body with its content type, for endpoints that read forms or JSON.
     * {@code keycloakAnswers500}: Keycloak 26.7.3 itself fails such a form post with a 500 (a plain
     * page, no internals) while parsing the form, before any authenticator runs, so no provider
     * can answer it better; a test pins that rather than expecting a 4xx.
     */
    public record Body(String name, String contentType, String content, boolean keycloakAnswers500) {

        public Body(String name, String contentType, String content) {
            this(name, contentType, content, false);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static final List<Value> VALUES = List.of(
            new Value(Category.HUGE, "10k digits", "9".repeat(10_000)),
            new Value(Category.HUGE, "100k letters", "A".repeat(100_000)),
            new Value(Category.HUGE, "1 MB", "x".repeat(1 << 20)),
            new Value(Category.UNICODE_DIGITS, "Arabic-Indic", "\u0661\u0665"),
            new Value(Category.UNICODE_DIGITS, "fullwidth", "\uFF11\uFF15"),
            new Value(Category.UNICODE_DIGITS, "Devanagari", "\u0967\u096B"),
            new Value(Category.UNICODE_DIGITS, "mathematical bold", "\uD835\uDFCF\uD835\uDFD3"),
            new Value(Category.UNICODE_DIGITS, "superscript", "\u00B9\u2075"),
            new Value(Category.UNICODE_DIGITS, "six Arabic-Indic digits", "\u0661\u0662\u0663\u0664\u0665\u0666"),
            new Value(Category.CONTROL_CHARACTERS, "NUL", "12\u000034"),
            new Value(Category.CONTROL_CHARACTERS, "CRLF header injection", "12\r\nSet-Cookie: " + MARKER + "=1"),
            new Value(Category.CONTROL_CHARACTERS, "tab and bell", "1\t2\u0007"),
            new Value(Category.CONTROL_CHARACTERS, "right-to-left override", "\u202E51"),
            new Value(Category.CONTROL_CHARACTERS, "zero-width space", "1\u200B5"),
            new Value(Category.CONTROL_CHARACTERS, "byte order mark", "\uFEFF15"),
            new Value(Category.MARKUP, "script", "<script>alert('" + MARKER + "')</script>"),
            new Value(Category.MARKUP, "attribute breakout", "\"><img src=x onerror=alert('" + MARKER + "')>"),
            new Value(Category.MARKUP, "javascript URL", "javascript:alert('" + MARKER + "')"),
            new Value(Category.TEMPLATE, "FreeMarker interpolation", "${7*7}" + MARKER),
            new Value(Category.TEMPLATE, "FreeMarker directive", "<#assign x=\"" + MARKER + "\">${x}"),
            new Value(Category.TEMPLATE, "mustache", "{{7*7}}"),
            new Value(Category.SQL, "tautology", "' OR '1'='1"),
            new Value(Category.SQL, "stacked query", "1; DROP TABLE user_entity; --"),
            new Value(Category.SQL, "wildcard", "%' --"),
            new Value(Category.FORMAT_STRINGS, "printf", "%s%n%x%d"),
            new Value(Category.FORMAT_STRINGS, "MessageFormat argument", "{0}{1}"),
            new Value(Category.FORMAT_STRINGS, "lone quote", "'"),
            new Value(Category.FORMAT_STRINGS, "backslashes", "\\\\\\"),
            new Value(Category.NUMBERS, "negative", "-1"),
            new Value(Category.NUMBERS, "zero", "0"),
            new Value(Category.NUMBERS, "overflow", "99999999999999999999"),
            new Value(Category.NUMBERS, "exponent", "1e9"),
            new Value(Category.NUMBERS, "hexadecimal", "0x1F"),
            new Value(Category.NUMBERS, "decimal", "15.0"),
            new Value(Category.NUMBERS, "signed", "+15"),
            new Value(Category.NUMBERS, "not a number", "NaN"),
            new Value(Category.BLANK, "empty", ""),
            new Value(Category.BLANK, "spaces", "   "),
            new Value(Category.BLANK, "no-break space", "\u00A0"),
            new Value(Category.ENCODING, "percent-encoded NUL", "%00"),
            new Value(Category.ENCODING, "broken percent-encoding", "%zz%"),
            new Value(Category.ENCODING, "lone surrogate", "1\uD8005"),
            new Value(Category.ENCODING, "emoji", "\uD83D\uDE42"),
            new Value(Category.ENCODING, "path traversal", "../../../../etc/passwd"));

    private FuzzInputs() {
    }

    /** Every hostile value. */
    public static List<Value> values() {
        return VALUES;
    }

    public static List<Value> values(Category... categories) {
        List<Category> wanted = Arrays.asList(categories);
        return VALUES.stream().filter(v -> wanted.contains(v.category())).toList();
    }

    /**
     * The ways to break a form with these fields: each field set to each hostile value (the other
     * fields keep their valid values), each field missing, each field sent twice with different
     * values, and every field missing at once.
     */
    public static List<FormCase> formCases(Map<String, String> validValues) {
        List<FormCase> cases = new ArrayList<>();
        for (String field : validValues.keySet()) {
            for (Value value : VALUES) {
                cases.add(new FormCase(field + " = " + value, value, form -> {
                    fillIn(form, validValues);
                    form.set(field, value.value());
                }));
            }
            cases.add(new FormCase(field + " missing", null, form -> {
                fillIn(form, validValues);
                form.remove(field);
            }));
            cases.add(new FormCase(field + " repeated", null, form -> {
                fillIn(form, validValues);
                form.add(field, "1" + validValues.get(field));
            }));
        }
        cases.add(new FormCase("every field missing", null, form -> validValues.keySet().forEach(form::remove)));
        return cases;
    }

    private static void fillIn(Form form, Map<String, String> values) {
        values.forEach(form::set);
    }

    /** Methods a form endpoint that takes POST must turn away (or treat like a fresh GET). */
    public static List<String> wrongMethods() {
        return List.of("GET", "PUT", "DELETE", "PATCH", "OPTIONS");
    }

    /** Bodies no browser sends to a form endpoint. */
    public static List<Body> malformedFormBodies() {
        return List.of(
                new Body("JSON instead of a form", "application/json", "{\"code\":\"123456\"}"),
                new Body("plain text", "text/plain", "code=123456"),
                new Body("multipart without parts", "multipart/form-data; boundary=" + MARKER, "--" + MARKER + "--"),
                // "Failed to decode URL %zz to UTF-8" in Keycloak's form parsing:
                new Body("broken percent-encoding", "application/x-www-form-urlencoded", "%zz=%&code=%", true),
                new Body("only separators", "application/x-www-form-urlencoded", "=&=&&=="),
                // "Param limit of 1000 was exceeded" in Keycloak's form parsing:
                new Body("64k of separators", "application/x-www-form-urlencoded", "&".repeat(1 << 16), true),
                new Body("empty", "application/x-www-form-urlencoded", ""));
    }

    /**
     * Bodies for a JSON endpoint: each field of a valid body replaced by each hostile value, by
     * the wrong JSON type, or left out, plus bodies that are not valid JSON at all.
     */
    public static List<Body> jsonCases(Map<String, Object> validBody) {
        List<Body> cases = new ArrayList<>();
        for (String field : validBody.keySet()) {
            for (Value value : VALUES) {
                cases.add(json(field + " = " + value, with(validBody, field, value.value())));
            }
            for (Object wrongType : Arrays.asList(null, 12345, true, List.of("a", "b"), Map.of("a", "b"))) {
                cases.add(json(field + " as " + (wrongType == null ? "null" : wrongType.getClass().getSimpleName()),
                        with(validBody, field, wrongType)));
            }
            Map<String, Object> without = new java.util.LinkedHashMap<>(validBody);
            without.remove(field);
            cases.add(json(field + " missing", without));
        }
        String valid = write(validBody);
        cases.add(new Body("repeated keys", "application/json", valid.replaceFirst("\\{", "{\"" + validBody.keySet().iterator().next() + "\":\"x\",")));
        cases.add(new Body("truncated JSON", "application/json", valid.substring(0, valid.length() / 2)));
        cases.add(new Body("JSON array", "application/json", "[" + valid + "]"));
        cases.add(new Body("empty body", "application/json", ""));
        cases.add(new Body("form instead of JSON", "application/x-www-form-urlencoded", "a=b"));
        cases.add(new Body("deep nesting", "application/json", "[".repeat(10_000) + "]".repeat(10_000)));
        return cases;
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>(body);
        copy.put(field, value);
        return copy;
    }

    private static Body json(String name, Map<String, Object> body) {
        return new Body(name, "application/json", write(body));
    }

    private static String write(Object body) {
        try {
            return AdminClient.json().writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
