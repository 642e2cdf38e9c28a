package org.careaccess.keycloak.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;

import org.careaccess.keycloak.sms.SmsDeliveryException.Reason;
import org.careaccess.testkit.StandInServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How every gateway-backed SMS provider fails: each way a gateway lets us down ends in a typed
 * error within the configured timeout, and no log line ever carries the code or the number.
 */
abstract class SmsSenderContract {

    static final String CODE = "482913";
    static final String TEXT_BODY = CODE + " is your Riverside Surgery security code. Do not share it.\n\n@care.example.org #" + CODE;
    static final SmsMessage TEXT = new SmsMessage("+447700900123", TEXT_BODY,
            Map.of("code", CODE, "service_name", "Riverside Surgery", "origin", "care.example.org", "message", TEXT_BODY));

    /** The gateway stand-in the sender talks to. */
    abstract StandInServer gateway();

    /** The option that points the provider at another gateway URL. */
    abstract String gatewayUrlOption();

    /** A sender configured for the stand-in, with these options on top. */
    abstract SmsSender sender(Map<String, String> options);

    /** How many texts the stand-in accepted. */
    abstract int accepted();

    @AfterEach
    void stopGateway() {
        gateway().close();
    }

    /** An error answer means the gateway did not take the text; 429 is throttling, the gateway unavailable for now. */
    @ParameterizedTest
    @CsvSource({"400, REJECTED", "403, REJECTED", "429, UNAVAILABLE", "500, UNAVAILABLE", "503, UNAVAILABLE"})
    void anHttpErrorIsATypedFailureOfATextCertainlyNotSent(int status, Reason reason) {
        gateway().failWith(status);
        assertThatThrownBy(() -> sender(Map.of()).send(TEXT))
                .isInstanceOfSatisfying(SmsDeliveryException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.certainlyNotSent()).isTrue();
                });
        assertThat(accepted()).isZero();
    }

    @Test
    void aGatewayThatRefusesConnectionsIsUnavailable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        assertThatThrownBy(() -> sender(Map.of(gatewayUrlOption(), "http://127.0.0.1:" + closedPort)).send(TEXT))
                .isInstanceOfSatisfying(SmsDeliveryException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE);
                    assertThat(e.certainlyNotSent()).isTrue();
                });
    }

    /**
     * The gateway stalls far longer than any timeout here, so a sender without one takes
     * {@link #STALL}; one with the configured timeout gives up after it. The headroom above the
     * timeout is generous (a loaded build machine once took 2.5 s more for a 1.5 s timeout), and
     * the sender is made before the clock starts: only the send is timed.
     */
    private static final Duration STALL = Duration.ofSeconds(30);
    private static final Duration HEADROOM = Duration.ofSeconds(6);

    @Test
    void aStallingGatewayTimesOutWithinTheConfiguredTimeout() {
        assertTimesOutAfter(Duration.ofMillis(1500), sender(Map.of(SmsSenderConfig.TIMEOUT_MILLIS, "1500")));
    }

    @Test
    void theDefaultTimeoutIsFiveSeconds() {
        assertTimesOutAfter(Duration.ofSeconds(5), sender(Map.of()));
    }

    private void assertTimesOutAfter(Duration timeout, SmsSender sender) {
        gateway().stallFor(STALL);
        long started = System.nanoTime();
        assertThatThrownBy(() -> sender.send(TEXT))
                .isInstanceOfSatisfying(SmsDeliveryException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.TIMED_OUT);
                    // The gateway may still take it: never certainly not sent.
                    assertThat(e.certainlyNotSent()).isFalse();
                });
        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .isBetween(timeout.minusMillis(100), timeout.plus(HEADROOM));
    }

    @Test
    void noLogLineCarriesTheCodeOrTheNumber() {
        try (LogCapture logs = new LogCapture()) {
            gateway().failWith(500);
            assertThatThrownBy(() -> sender(Map.of()).send(TEXT)).isInstanceOf(SmsDeliveryException.class);
            gateway().behave();
            assertThatThrownBy(() -> sender(Map.of(gatewayUrlOption(), "http://127.0.0.1:1")).send(TEXT))
                    .isInstanceOf(SmsDeliveryException.class);

            assertThat(logs.lines()).isNotEmpty()
                    .noneMatch(line -> line.contains(CODE))
                    .noneMatch(line -> line.contains(TEXT.to()));
        }
    }
}
