package org.careaccess.keycloak.sms;

import java.time.Duration;

import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * What the SMS providers share: the send timeout option
 * ({@code --spi-careaccess-sms--<provider>--timeout-millis}) and how a failed send is logged.
 */
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

    /** Adds the timeout option to a provider's option metadata. */
    static ProviderConfigurationBuilder withTimeout(ProviderConfigurationBuilder options, String gateway) {
        return options.property().name(TIMEOUT_MILLIS).type(ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(DEFAULT_TIMEOUT.toMillis())
                .helpText("Longest wait for " + gateway + ", in milliseconds, before the person is told the text could not be sent.")
                .add();
    }

    /**
     * Logs a failed send with the masked number and our own words only, never the text.
     * {@code certainlyNotSent}: the gateway refused the connection or answered with an error, so it did not take the text.
     */
    static SmsDeliveryException failure(Logger log, String provider, SmsMessage message, SmsDeliveryException.Reason reason,
                                        String detail, Exception cause, boolean certainlyNotSent) {
        log.warnf("careaccess-sms %s: text to %s not sent: %s", provider, message.maskedTo(), detail);
        return new SmsDeliveryException(reason, detail, cause, certainlyNotSent);
    }

    /** HTTP 429 (throttled) is the gateway unavailable for now, not a refusal of this text. */
    static SmsDeliveryException.Reason reasonOfHttpStatus(int status) {
        return status >= 400 && status < 500 && status != 429 ? SmsDeliveryException.Reason.REJECTED : SmsDeliveryException.Reason.UNAVAILABLE;
    }

    static String trimToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
