package org.careaccess.keycloak.dob;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * The date of birth step's settings. Defaults are DESIGN.md's: 5 wrong dates lock the link for 15
 * minutes, then 1 hour, then 4 hours each time; 20 wrong dates in the link's life lock it for good.
 * A value out of bounds falls back to the default, so a typo never loosens a lock.
 */
record DateOfBirthPolicy(int maxAttempts, List<Long> lockSeconds, int maxWrongDatesPerLink) {

    static final String MAX_ATTEMPTS = "dateOfBirthMaxAttempts";
    static final String LOCK_SECONDS = "dateOfBirthLockSeconds";
    static final String MAX_WRONG_DATES_PER_LINK = "dateOfBirthMaxWrongDatesPerLink";
    static final DateOfBirthPolicy DEFAULTS = new DateOfBirthPolicy(5, List.of(900L, 3600L, 14400L), 20);

    private static final long MAX_COUNT = 100_000;
    private static final long MAX_LOCK_SECONDS = 30L * 86400;
    private static final int MAX_LOCK_TIMES = 10;

    static DateOfBirthPolicy from(AuthenticatorConfigModel config) {
        Map<String, String> values = config == null || config.getConfig() == null ? Map.of() : config.getConfig();
        return new DateOfBirthPolicy(bounded(values.get(MAX_ATTEMPTS), MAX_COUNT).orElse((long) DEFAULTS.maxAttempts).intValue(),
                lockTimes(values.get(LOCK_SECONDS)).orElse(DEFAULTS.lockSeconds),
                bounded(values.get(MAX_WRONG_DATES_PER_LINK), MAX_COUNT).orElse((long) DEFAULTS.maxWrongDatesPerLink).intValue());
    }

    /** How long the next lock lasts after this many locks: each longer, then the last one again. */
    long lockSeconds(int locksSoFar) {
        return lockSeconds.get(Math.min(locksSoFar, lockSeconds.size() - 1));
    }

    /** "900" or "900,3600,14400": one time for every lock, or a time per lock. */
    private static Optional<List<Long>> lockTimes(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String[] times = value.split(",", -1);
        List<Long> seconds = new ArrayList<>();
        for (String time : times) {
            Optional<Long> parsed = bounded(time, MAX_LOCK_SECONDS);
            if (parsed.isEmpty() || times.length > MAX_LOCK_TIMES) {
                return Optional.empty();
            }
            seconds.add(parsed.get());
        }
        return Optional.of(List.copyOf(seconds));
    }

    /** A whole number from 1 to max. */
    private static Optional<Long> bounded(String value, long max) {
        try {
            long parsed = value == null || value.isBlank() ? 0 : Long.parseLong(value.trim());
            return parsed >= 1 && parsed <= max ? Optional.of(parsed) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static List<ProviderConfigProperty> configProperties() {
        return ProviderConfigurationBuilder.create()
                .property().name(MAX_ATTEMPTS).label("Wrong dates before the link locks").type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue(Integer.toString(DEFAULTS.maxAttempts))
                .helpText("How many wrong dates of birth lock the link for a while, counted across the cluster. 1 to 100000. "
                        + "Default 5.").add()
                .property().name(LOCK_SECONDS).label("Lock times (seconds)").type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue(DEFAULTS.lockSeconds.stream().map(String::valueOf).collect(Collectors.joining(",")))
                .helpText("How long a link stays locked after too many wrong dates of birth: the first lock, the second, and so on, "
                        + "separated by commas; later locks use the last time. One number locks every time for as long. "
                        + "Each 1 to 2592000 (30 days). Default 900,3600,14400 (15 minutes, 1 hour, 4 hours).").add()
                .property().name(MAX_WRONG_DATES_PER_LINK).label("Wrong dates in a link's life").type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue(Integer.toString(DEFAULTS.maxWrongDatesPerLink))
                .helpText("How many wrong dates of birth a link allows in its whole life; the last one locks it for good and the "
                        + "patient is told to contact their healthcare provider. A right date does not give any back. "
                        + "1 to 100000. Default 20.").add()
                .build();
    }
}
