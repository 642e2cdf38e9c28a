package org.careaccess.keycloak.otp;

import java.util.List;
import java.util.Map;

import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * The limits on a texted security code, set on the authenticator that sends it (admin console:
 * the step's settings). Defaults are DESIGN.md's: a code lives 10 minutes, takes 5 wrong tries,
 * a new one can be asked for after 30 seconds, at most 5 texts per link (or person) an hour and
 * 10 per phone number a day.
 */
public record CodePolicy(long lifetimeSeconds, int maxAttempts, long resendCooldownSeconds, int maxTextsPerHour,
                         int maxTextsPerNumberPerDay) {

    public static final String LIFETIME_SECONDS = "codeLifetimeSeconds";
    public static final String MAX_ATTEMPTS = "codeMaxAttempts";
    public static final String RESEND_COOLDOWN_SECONDS = "resendCooldownSeconds";
    public static final String MAX_TEXTS_PER_HOUR = "maxTextsPerHour";
    public static final String MAX_TEXTS_PER_NUMBER_PER_DAY = "maxTextsPerNumberPerDay";

    public static final CodePolicy DEFAULTS = new CodePolicy(600, 5, 30, 5, 10);

    public CodePolicy {
        if (lifetimeSeconds < 1 || maxAttempts < 1 || resendCooldownSeconds < 0 || maxTextsPerHour < 1 || maxTextsPerNumberPerDay < 1) {
            throw new IllegalArgumentException("security code limits must be positive");
        }
    }

    /** The policy an authenticator's config sets; anything unset or unreadable keeps its default. */
    public static CodePolicy from(AuthenticatorConfigModel config) {
        Map<String, String> values = config == null || config.getConfig() == null ? Map.of() : config.getConfig();
        return new CodePolicy(
                positive(values.get(LIFETIME_SECONDS), DEFAULTS.lifetimeSeconds),
                (int) positive(values.get(MAX_ATTEMPTS), DEFAULTS.maxAttempts),
                nonNegative(values.get(RESEND_COOLDOWN_SECONDS), DEFAULTS.resendCooldownSeconds),
                (int) positive(values.get(MAX_TEXTS_PER_HOUR), DEFAULTS.maxTextsPerHour),
                (int) positive(values.get(MAX_TEXTS_PER_NUMBER_PER_DAY), DEFAULTS.maxTextsPerNumberPerDay));
    }

    private static long positive(String value, long fallback) {
        long parsed = parse(value, fallback);
        return parsed >= 1 ? parsed : fallback;
    }

    private static long nonNegative(String value, long fallback) {
        long parsed = parse(value, fallback);
        return parsed >= 0 ? parsed : fallback;
    }

    private static long parse(String value, long fallback) {
        try {
            return value == null || value.isBlank() ? fallback : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /**
     * The settings an authenticator that texts codes shows in the admin console.
     *
     * @param perWhat what the hourly limit counts per, e.g. "link" or "person"
     */
    public static List<ProviderConfigProperty> configProperties(String perWhat) {
        return ProviderConfigurationBuilder.create()
                .property().name(LIFETIME_SECONDS).label("Code lifetime (seconds)").type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue(Long.toString(DEFAULTS.lifetimeSeconds))
                .helpText("How long a texted security code can be used. Default 600 (10 minutes).").add()
                .property().name(MAX_ATTEMPTS).label("Tries per code").type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue(Integer.toString(DEFAULTS.maxAttempts))
                .helpText("Wrong codes allowed before the code stops working and a new one must be asked for. Default 5.").add()
                .property().name(RESEND_COOLDOWN_SECONDS).label("Wait before a new code (seconds)").type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue(Long.toString(DEFAULTS.resendCooldownSeconds))
                .helpText("How long after a text the person must wait before asking for another. Default 30.").add()
                .property().name(MAX_TEXTS_PER_HOUR).label("Texts per " + perWhat + " per hour").type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue(Integer.toString(DEFAULTS.maxTextsPerHour))
                .helpText("Most texts sent for one " + perWhat + " in any hour, counted across the cluster. Default 5.").add()
                .property().name(MAX_TEXTS_PER_NUMBER_PER_DAY).label("Texts per number per day").type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue(Integer.toString(DEFAULTS.maxTextsPerNumberPerDay))
                .helpText("Most texts sent to one phone number in any 24 hours, counted across the cluster. Default 10.").add()
                .build();
    }
}
