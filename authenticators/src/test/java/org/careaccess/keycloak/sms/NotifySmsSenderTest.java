package org.careaccess.keycloak.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.careaccess.keycloak.sms.SmsDeliveryException.Reason;
import org.careaccess.testkit.NotifyStandIn;
import org.careaccess.testkit.StandInServer;
import org.junit.jupiter.api.Test;

class NotifySmsSenderTest extends SmsSenderContract {

    private static final String TEMPLATE = UUID.randomUUID().toString();

    private final NotifyStandIn notify = new NotifyStandIn();

    @Test
    void sendsTheTemplateWithPersonalisationAndASignedToken() throws Exception {
        sender(Map.of()).send(TEXT);

        assertThat(notify.sent()).singleElement().satisfies(sms -> {
            assertThat(sms.phoneNumber()).isEqualTo("+447700900123");
            assertThat(sms.templateId()).isEqualTo(TEMPLATE);
            assertThat(sms.personalisation()).containsEntry("code", CODE).containsEntry("message", TEXT.text());
        });
    }

    @Test
    void aKeyNotifyDoesNotKnowIsRejected() {
        String otherKey = "careaccess_test-" + UUID.randomUUID() + "-" + UUID.randomUUID();
        assertThatThrownBy(() -> sender(Map.of(NotifySmsSenderFactory.API_KEY, otherKey)).send(TEXT))
                .isInstanceOfSatisfying(SmsDeliveryException.class, e -> assertThat(e.reason()).isEqualTo(Reason.REJECTED));
        assertThat(notify.sent()).isEmpty();
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
    void aMalformedKeyIsAConfigurationProblemNotACrash() {
        NotifySmsSenderFactory factory = new NotifySmsSenderFactory();
        factory.init(new MapScope(Map.of(NotifySmsSenderFactory.API_KEY, "short", NotifySmsSenderFactory.TEMPLATE_ID, TEMPLATE)));
        assertThatThrownBy(() -> factory.create(null).send(TEXT))
                .isInstanceOfSatisfying(SmsDeliveryException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MISCONFIGURED));
    }

    @Override
    StandInServer gateway() {
        return notify;
    }

    @Override
    String gatewayUrlOption() {
        return NotifySmsSenderFactory.BASE_URL;
    }

    @Override
    int accepted() {
        return notify.sent().size();
    }

    @Override
    SmsSender sender(Map<String, String> options) {
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
