package org.careaccess.keycloak.sms;

import java.time.Duration;

import org.keycloak.Config;

/** Option names shared by the SMS providers ({@code --spi-careaccess-sms--<provider>--<option>}). */
final class SmsSenderConfig {

    static final String TIMEOUT_MILLIS = "timeout-millis";
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private SmsSenderConfig() {
    }

    static Duration timeout(Config.Scope config) {
        long millis = config.getLong(TIMEOUT_MILLIS, DEFAULT_TIMEOUT.toMillis());
        if (millis <= 0) {
            throw new IllegalArgumentException("careaccess-sms " + TIMEOUT_MILLIS + " must be positive, was " + millis);
        }
        return Duration.ofMillis(millis);
    }

    static String trimToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
