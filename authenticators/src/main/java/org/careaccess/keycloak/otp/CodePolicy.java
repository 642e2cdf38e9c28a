package org.careaccess.keycloak.otp;

import java.util.List;

import org.careaccess.keycloak.flow.Setting;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.provider.ProviderConfigProperty;

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

    private static final long DAY = 86_400;
    /** Room for load tests, which lift the text limits out of the way. */
    private static final long MAX_COUNT = 1_000_000;

    private static final Setting<Long> LIFETIME = Setting.number(LIFETIME_SECONDS, "Code lifetime (seconds)",
            DEFAULTS.lifetimeSeconds, 1, DAY, "How long a texted security code can be used.");
    private static final Setting<Long> ATTEMPTS = Setting.number(MAX_ATTEMPTS, "Tries per code",
            DEFAULTS.maxAttempts, 1, MAX_COUNT, "Wrong codes allowed before the code stops working and a new one must be asked for.");
    private static final Setting<Long> COOLDOWN = Setting.number(RESEND_COOLDOWN_SECONDS, "Wait before a new code (seconds)",
            DEFAULTS.resendCooldownSeconds, 0, DAY, "How long after a text the person must wait before asking for another.");
    private static final Setting<Long> PER_NUMBER_PER_DAY = Setting.number(MAX_TEXTS_PER_NUMBER_PER_DAY, "Texts per number per day",
            DEFAULTS.maxTextsPerNumberPerDay, 1, MAX_COUNT,
            "Most texts sent to one phone number in any 24 hours, counted across the cluster.");

    public CodePolicy {
        if (lifetimeSeconds < 1 || maxAttempts < 1 || resendCooldownSeconds < 0 || maxTextsPerHour < 1 || maxTextsPerNumberPerDay < 1) {
            throw new IllegalArgumentException("security code limits must be positive");
        }
    }

    /** The policy an authenticator's config sets; anything unset, out of bounds or unreadable keeps its default. */
    public static CodePolicy from(AuthenticatorConfigModel config) {
        return new CodePolicy(LIFETIME.read(config), ATTEMPTS.read(config).intValue(), COOLDOWN.read(config),
                perHour("subject").read(config).intValue(), PER_NUMBER_PER_DAY.read(config).intValue());
    }

    /**
     * The settings an authenticator that texts codes shows in the admin console.
     *
     * @param perWhat what the hourly limit counts per, e.g. "link" or "person"
     */
    public static List<ProviderConfigProperty> configProperties(String perWhat) {
        return List.of(LIFETIME.property(), ATTEMPTS.property(), COOLDOWN.property(), perHour(perWhat).property(),
                PER_NUMBER_PER_DAY.property());
    }

    private static Setting<Long> perHour(String perWhat) {
        return Setting.number(MAX_TEXTS_PER_HOUR, "Texts per " + perWhat + " per hour", DEFAULTS.maxTextsPerHour, 1, MAX_COUNT,
                "Most texts sent for one " + perWhat + " in any hour, counted across the cluster.");
    }
}
