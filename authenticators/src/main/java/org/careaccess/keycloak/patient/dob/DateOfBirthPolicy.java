package org.careaccess.keycloak.patient.dob;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.careaccess.keycloak.flow.Setting;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.provider.ProviderConfigProperty;

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

    private static final Setting<Long> ATTEMPTS = Setting.number(MAX_ATTEMPTS, "Wrong dates before the link locks",
            DEFAULTS.maxAttempts, 1, MAX_COUNT, "How many wrong dates of birth lock the link for a while, counted across the cluster.");
    private static final Setting<List<Long>> LOCKS = Setting.text(LOCK_SECONDS, "Lock times (seconds)", DEFAULTS.lockSeconds,
            times -> times.stream().map(String::valueOf).collect(Collectors.joining(",")), DateOfBirthPolicy::lockTimes,
            "How long a link stays locked after too many wrong dates of birth: the first lock, the second, and so on, "
                    + "separated by commas; later locks use the last time. One number locks every time for as long. "
                    + "Each 1 to 2592000 (30 days), at most 10 times. Default 900,3600,14400 (15 minutes, 1 hour, 4 hours).");
    private static final Setting<Long> PER_LINK = Setting.number(MAX_WRONG_DATES_PER_LINK, "Wrong dates in a link's life",
            DEFAULTS.maxWrongDatesPerLink, 1, MAX_COUNT,
            "How many wrong dates of birth a link allows in its whole life; the last one locks it for good and the "
                    + "patient is told to contact their healthcare provider. A right date does not give any back.");

    static DateOfBirthPolicy from(AuthenticatorConfigModel config) {
        return new DateOfBirthPolicy(ATTEMPTS.read(config).intValue(), LOCKS.read(config), PER_LINK.read(config).intValue());
    }

    /** How long the next lock lasts after this many locks: each longer, then the last one again. */
    long lockSeconds(int locksSoFar) {
        return lockSeconds.get(Math.min(locksSoFar, lockSeconds.size() - 1));
    }

    /** "900" or "900,3600,14400": one time for every lock, or a time per lock. */
    private static Optional<List<Long>> lockTimes(String value) {
        String[] times = value.split(",", -1);
        if (times.length > MAX_LOCK_TIMES) {
            return Optional.empty();
        }
        List<Long> seconds = new ArrayList<>();
        for (String time : times) {
            Optional<Long> parsed = Setting.wholeNumber(time, 1, MAX_LOCK_SECONDS);
            if (parsed.isEmpty()) {
                return Optional.empty();
            }
            seconds.add(parsed.get());
        }
        return Optional.of(List.copyOf(seconds));
    }

    static List<ProviderConfigProperty> configProperties() {
        return List.of(ATTEMPTS.property(), LOCKS.property(), PER_LINK.property());
    }
}
