package org.careaccess.keycloak.linktext;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.careaccess.keycloak.sms.MapScope;
import org.careaccess.keycloak.sms.SmsDeliveryException;
import org.careaccess.keycloak.sms.SmsDeliveryException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which failed link texts go again, and when: only those the gateway certainly did not take while it was down. */
class LinkTextOptionsTest {

    private static final LinkTextOptions DEFAULTS = LinkTextOptions.defaults();
    private static final SmsDeliveryException GATEWAY_DOWN = new SmsDeliveryException(Reason.UNAVAILABLE, "HTTP 503", null, true);

    @Test
    void aTextTheGatewayCertainlyDidNotTakeGoesAgainAfter1_5_15And60MinutesThenFails() {
        assertThat(DEFAULTS.retryAfter(GATEWAY_DOWN, 1)).contains(Duration.ofMinutes(1));
        assertThat(DEFAULTS.retryAfter(GATEWAY_DOWN, 2)).contains(Duration.ofMinutes(5));
        assertThat(DEFAULTS.retryAfter(GATEWAY_DOWN, 3)).contains(Duration.ofMinutes(15));
        assertThat(DEFAULTS.retryAfter(GATEWAY_DOWN, 4)).contains(Duration.ofMinutes(60));
        assertThat(DEFAULTS.retryAfter(GATEWAY_DOWN, 5)).isEmpty();
    }

    @Test
    void aTimeoutOrAnyOtherUnknownOutcomeIsNeverTriedAgain() {
        assertThat(DEFAULTS.retryAfter(new SmsDeliveryException(Reason.TIMED_OUT, "no answer", null, false), 1)).isEmpty();
        assertThat(DEFAULTS.retryAfter(new SmsDeliveryException(Reason.UNAVAILABLE, "connection reset", null, false), 1)).isEmpty();
        // A third-party provider that does not say: at most once.
        assertThat(DEFAULTS.retryAfter(new SmsDeliveryException(Reason.UNAVAILABLE, "down"), 1)).isEmpty();
    }

    @Test
    void aTextTheGatewayRefusedOrAProviderWithoutItsOptionsIsNotTriedAgain() {
        assertThat(DEFAULTS.retryAfter(new SmsDeliveryException(Reason.REJECTED, "HTTP 400", null, true), 1)).isEmpty();
        assertThat(DEFAULTS.retryAfter(new SmsDeliveryException(Reason.MISCONFIGURED, "no api-key", null, true), 1)).isEmpty();
    }

    @Test
    void theWaitsAreAnOption() {
        LinkTextOptions options = LinkTextOptions.of(new MapScope(Map.of(LinkTextOptions.RETRY_SECONDS, " 2, 30 ")));
        assertThat(options.retryAfter()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(30));
        assertThat(options.retryAfter(GATEWAY_DOWN, 2)).contains(Duration.ofSeconds(30));
        assertThat(options.retryAfter(GATEWAY_DOWN, 3)).isEmpty();

        assertThat(LinkTextOptions.of(new MapScope(Map.of(LinkTextOptions.RETRY_SECONDS, "none"))).retryAfter(GATEWAY_DOWN, 1)).isEmpty();
        assertThat(LinkTextOptions.of(new MapScope(Map.of())).retryAfter()).isEqualTo(DEFAULTS.retryAfter());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-5", "60,,300", "one minute", "60;300"})
    void aWaitThatIsNotWholeSecondsAboveZeroGivesTheDefault(String waits) {
        assertThat(LinkTextOptions.of(new MapScope(Map.of(LinkTextOptions.RETRY_SECONDS, waits))).retryAfter())
                .isEqualTo(List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofMinutes(60)));
    }
}
