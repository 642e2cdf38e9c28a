package org.careaccess.keycloak.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.careaccess.testkit.SnsStandIn;
import org.careaccess.testkit.StandInServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SnsSmsSenderTest extends SmsSenderContract {

    private final SnsStandIn sns = new SnsStandIn();

    @BeforeAll
    static void awsCredentialsFromTheDefaultChain() {
        System.setProperty("aws.accessKeyId", "AKIAIOSFODNN7EXAMPLE");
        System.setProperty("aws.secretAccessKey", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
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
    void sendsTheConfiguredSenderIdAndOriginationNumberInTheConfiguredRegion() throws Exception {
        sender(Map.of(SnsSmsSenderFactory.SENDER_ID, "NHSClinic", SnsSmsSenderFactory.ORIGINATION_NUMBER, "+447700900001",
                SnsSmsSenderFactory.REGION, "eu-west-1")).send(TEXT);

        var publish = sns.published().get(0);
        assertThat(publish.attribute("AWS.SNS.SMS.SenderID")).isEqualTo("NHSClinic");
        assertThat(publish.attribute("AWS.MM.SMS.OriginationNumber")).isEqualTo("+447700900001");
        assertThat(publish.authorization()).contains("/eu-west-1/sns/aws4_request");
    }

    @Override
    StandInServer gateway() {
        return sns;
    }

    @Override
    String gatewayUrlOption() {
        return SnsSmsSenderFactory.ENDPOINT;
    }

    @Override
    int accepted() {
        return sns.published().size();
    }

    @Override
    SmsSender sender(Map<String, String> options) {
        Map<String, String> all = new HashMap<>(Map.of(SnsSmsSenderFactory.ENDPOINT, sns.url()));
        all.putAll(options);
        SnsSmsSenderFactory factory = new SnsSmsSenderFactory();
        factory.init(new MapScope(all));
        return factory.create(null);
    }
}
