package org.careaccess.keycloak.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.careaccess.keycloak.sms.SmsDeliveryException.Reason;
import org.careaccess.testkit.NotifyStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NotifySmsSenderTest {

    private static final String TEMPLATE = UUID.randomUUID().toString();
    private static final SmsMessage TEXT = new SmsMessage("+447700900123",
            "482913 is your Riverside Surgery security code. Do not share it.\n\n@care.example.org #482913",
            Map.of("code", "482913", "service_name", "Riverside Surgery", "origin", "care.example.org",
                    "message", "482913 is your Riverside Surgery security code. Do not share it.\n\n@care.example.org #482913"));

    private final NotifyStandIn notify = new NotifyStandIn();

    @AfterEach
    void stopStandIn() {
        notify.close();
    }

    @Test
    void sendsTheTemplateWithPersonalisationAndASignedToken() throws Exception {
        sender(Map.of()).send(TEXT);

        assertThat(notify.sent()).singleElement().satisfies(sms -> {
            assertThat(sms.phoneNumber()).isEqualTo("+447700900123");
            assertThat(sms.templateId()).isEqualTo(TEMPLATE);
            assertThat(sms.personalisation()).containsEntry("code", "482913").containsEntry("message", TEXT.text());
        });
    }

    @Test
    void aKeyNotifyDoesNotKnowIsRejected() {
        String otherKey = "careaccess_test-" + UUID.randomUUID() + "-" + UUID.randomUUID();
        assertThatThrownBy(() -> sender(Map.of(NotifySmsSenderFactory.API_KEY, otherKey)).send(TEXT))
                .isInstanceOfSatisfying(SmsDeliveryException.class, e -> assertThat(e.reason()).isEqualTo(Reason.REJECTED));
        assertThat(notify.sent()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"400, REJECTED", "429, REJECTED", "500, UNAVAILABLE"})
    void anHttpErrorIsATypedFailure(int status, Reason reason) {
        notify.failWith(status);
        assertThatThrownBy(() -> sender(Map.of()).send(TEXT))
                .isInstanceOfSatisfying(SmsDeliveryException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    @Test
    void aGatewayThatRefusesConnectionsIsUnavailable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        assertThatThrownBy(() -> sender(Map.of(NotifySmsSenderFactory.BASE_URL, "http://127.0.0.1:" + closedPort)).send(TEXT))
                .isInstanceOfSatisfying(SmsDeliveryException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE));
    }

    @Test
    void aStallingGatewayTimesOutWithinTheConfiguredTimeout() {
        notify.stallFor(Duration.ofSeconds(10));
        long started = System.nanoTime();
        assertThatThrownBy(() -> sender(Map.of(SmsSenderConfig.TIMEOUT_MILLIS, "1500")).send(TEXT))
                .isInstanceOfSatisfying(SmsDeliveryException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TIMED_OUT));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(1400), Duration.ofMillis(4000));
    }

    @Test
    void theDefaultTimeoutIsFiveSeconds() {
        notify.stallFor(Duration.ofSeconds(10));
        long started = System.nanoTime();
        assertThatThrownBy(() -> sender(Map.of()).send(TEXT)).isInstanceOf(SmsDeliveryException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(4900), Duration.ofMillis(8000));
    }

    @Test
    void withoutKeyOrTemplateNothingIsSentAndTheReasonIsConfiguration() {
        NotifySmsSenderFactory factory = new NotifySmsSenderFactory();
        factory.init(new MapScope(Map.of(NotifySmsSenderFactory.BASE_URL, notify.url())));
        assertThatThrownBy(() -> factory.create(null).send(TEXT))
                .isInstanceOfSatisfying(SmsDeliveryException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MISCONFIGURED));
        assertThat(notify.sent()).isEmpty();
    }

    @Test
    void noLogLineCarriesTheCode() {
        try (LogCapture logs = new LogCapture()) {
            notify.failWith(500);
            assertThatThrownBy(() -> sender(Map.of()).send(TEXT)).isInstanceOf(SmsDeliveryException.class);
            assertThatThrownBy(() -> sender(Map.of(NotifySmsSenderFactory.BASE_URL, "http://127.0.0.1:1")).send(TEXT))
                    .isInstanceOf(SmsDeliveryException.class);

            assertThat(logs.lines()).isNotEmpty().noneMatch(line -> line.contains("482913"))
                    .noneMatch(line -> line.contains("+447700900123"));
        }
    }

    private SmsSender sender(Map<String, String> options) {
        Map<String, String> all = new HashMap<>(Map.of(
                NotifySmsSenderFactory.API_KEY, notify.apiKey(),
                NotifySmsSenderFactory.TEMPLATE_ID, TEMPLATE,
                NotifySmsSenderFactory.BASE_URL, notify.url()));
        all.putAll(options);
        NotifySmsSenderFactory factory = new NotifySmsSenderFactory();
        factory.init(new MapScope(all));
        return factory.create(null);
    }
}
