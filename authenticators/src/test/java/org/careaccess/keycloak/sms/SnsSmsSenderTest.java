package org.careaccess.keycloak.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.careaccess.keycloak.sms.SmsDeliveryException.Reason;
import org.careaccess.testkit.SnsStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SnsSmsSenderTest {

    private static final SmsMessage TEXT = new SmsMessage("+447700900123",
            "482913 is your Riverside Surgery security code. Do not share it.\n\n@care.example.org #482913",
            Map.of("code", "482913"));

    private final SnsStandIn sns = new SnsStandIn();

    @BeforeAll
    static void awsCredentialsFromTheDefaultChain() {
        System.setProperty("aws.accessKeyId", "AKIAIOSFODNN7EXAMPLE");
        System.setProperty("aws.secretAccessKey", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
    }

    @AfterEach
    void stopStandIn() {
        sns.close();
    }

    @Test
    void publishesATransactionalTextSignedWithSigV4() throws Exception {
        sender(Map.of()).send(TEXT);

        assertThat(sns.published()).singleElement().satisfies(publish -> {
            assertThat(publish.parameters()).containsEntry("Action", "Publish")
                    .containsEntry("PhoneNumber", "+447700900123")
                    .containsEntry("Message", TEXT.text());
            assertThat(publish.attribute("AWS.SNS.SMS.SMSType")).isEqualTo("Transactional");
            assertThat(publish.attribute("AWS.SNS.SMS.SenderID")).isNull();
            assertThat(publish.authorization())
                    .startsWith("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/")
                    .contains("/eu-west-2/sns/aws4_request", "SignedHeaders=", "Signature=");
        });
    }

    @Test
    void sendsTheConfiguredSenderIdAndOriginationNumber() throws Exception {
        sender(Map.of(SnsSmsSenderFactory.SENDER_ID, "NHSClinic", SnsSmsSenderFactory.ORIGINATION_NUMBER, "+447700900001",
                SnsSmsSenderFactory.REGION, "eu-west-1")).send(TEXT);

        var publish = sns.published().get(0);
        assertThat(publish.attribute("AWS.SNS.SMS.SenderID")).isEqualTo("NHSClinic");
        assertThat(publish.attribute("AWS.MM.SMS.OriginationNumber")).isEqualTo("+447700900001");
        assertThat(publish.authorization()).contains("/eu-west-1/sns/aws4_request");
    }

    @ParameterizedTest
    @CsvSource({"400, REJECTED", "403, REJECTED", "500, UNAVAILABLE", "503, UNAVAILABLE"})
    void anHttpErrorIsATypedFailure(int status, Reason reason) {
        sns.failWith(status);
        assertThatThrownBy(() -> sender(Map.of()).send(TEXT))
                .isInstanceOfSatisfying(SmsDeliveryException.class, e -> assertThat(e.reason()).isEqualTo(reason));
        assertThat(sns.published()).isEmpty();
    }

    @Test
    void aGatewayThatRefusesConnectionsIsUnavailable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var options = Map.of(SnsSmsSenderFactory.ENDPOINT, "http://127.0.0.1:" + closedPort);
        assertThatThrownBy(() -> sender(options).send(TEXT))
                .isInstanceOfSatisfying(SmsDeliveryException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE));
    }

    @Test
    void aStallingGatewayTimesOutWithinTheConfiguredTimeout() {
        sns.stallFor(Duration.ofSeconds(10));
        long started = System.nanoTime();
        assertThatThrownBy(() -> sender(Map.of(SmsSenderConfig.TIMEOUT_MILLIS, "1500")).send(TEXT))
                .isInstanceOfSatisfying(SmsDeliveryException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TIMED_OUT));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(1400), Duration.ofMillis(4000));
    }

    @Test
    void theDefaultTimeoutIsFiveSeconds() {
        sns.stallFor(Duration.ofSeconds(10));
        long started = System.nanoTime();
        assertThatThrownBy(() -> sender(Map.of()).send(TEXT)).isInstanceOf(SmsDeliveryException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(4900), Duration.ofMillis(8000));
    }

    @Test
    void noLogLineCarriesTheCode() {
        try (LogCapture logs = new LogCapture()) {
            sns.failWith(500);
            assertThatThrownBy(() -> sender(Map.of()).send(TEXT)).isInstanceOf(SmsDeliveryException.class);
            sns.behave();
            assertThatThrownBy(() -> sender(Map.of(SnsSmsSenderFactory.ENDPOINT, "http://127.0.0.1:1")).send(TEXT))
                    .isInstanceOf(SmsDeliveryException.class);

            assertThat(logs.lines()).isNotEmpty().noneMatch(line -> line.contains("482913"))
                    .noneMatch(line -> line.contains("+447700900123"));
        }
    }

    private SmsSender sender(Map<String, String> options) {
        Map<String, String> all = new HashMap<>(Map.of(SnsSmsSenderFactory.ENDPOINT, sns.url()));
        all.putAll(options);
        SnsSmsSenderFactory factory = new SnsSmsSenderFactory();
        factory.init(new MapScope(all));
        return factory.create(null);
    }
}
