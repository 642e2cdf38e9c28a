package org.careaccess.keycloak.retention;

import java.time.Duration;

import org.keycloak.Config;
import org.keycloak.common.util.DurationConverter;

/**
 * The purge's server options, {@code --spi-careaccess-retention--default--<option>}: how often it
 * runs ({@value #INTERVAL}, a Keycloak duration: {@code 3600} seconds, {@code 30m}, {@code 1h};
 * default one hour) and how many links each batch deletes ({@value #BATCH_SIZE}, 1 to 1,000,
 * default 1,000: the ids go into one {@code IN} list, and some databases take no more). A bad value
 * stops the server from starting with a message that names it, as Keycloak does for its own options.
 */
record RetentionOptions(Duration interval, int batchSize) {

    static final String INTERVAL = "interval";
    static final String BATCH_SIZE = "batch-size";
    static final Duration DEFAULT_INTERVAL = Duration.ofHours(1);
    static final int MAX_BATCH_SIZE = 1000;

    static RetentionOptions from(Config.Scope config) {
        return new RetentionOptions(interval(config.get(INTERVAL)), batchSize(config.get(BATCH_SIZE)));
    }

    private static Duration interval(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_INTERVAL;
        }
        Duration interval;
        try {
            interval = DurationConverter.parseDuration(value.trim());
        } catch (IllegalArgumentException e) {
            throw invalid(INTERVAL, value, "a duration such as 3600, 30m or 1h");
        }
        if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw invalid(INTERVAL, value, "at least one second");
        }
        return interval;
    }

    private static int batchSize(String value) {
        if (value == null || value.isBlank()) {
            return MAX_BATCH_SIZE;
        }
        try {
            int size = Integer.parseInt(value.trim());
            if (size >= 1 && size <= MAX_BATCH_SIZE) {
                return size;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(BATCH_SIZE, value, "a whole number from 1 to " + MAX_BATCH_SIZE);
    }

    private static IllegalArgumentException invalid(String option, String value, String expected) {
        return new IllegalArgumentException("--spi-" + RetentionSpi.NAME + "--" + DefaultRetentionProviderFactory.PROVIDER_ID + "--"
                + option + " must be " + expected + ", was '" + value + "'");
    }
}
