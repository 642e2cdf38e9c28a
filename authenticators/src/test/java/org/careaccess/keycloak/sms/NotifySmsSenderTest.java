package org.careaccess.keycloak.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.careaccess.keycloak.sms.SmsDeliveryException.Reason;
import org.careaccess.testkit.NotifyStandIn;
import org.careaccess.testkit.StandInServer;
import org.junit.jupiter.api.Test;

class NotifySmsSenderTest extends SmsSenderContract {

    private static final String TEMPLATE = UUID.randomUUID().toString();
    private static final String WELSH_TEMPLATE = UUID.randomUUID().toString();
    private static final String WELSH_BODY = CODE + " yw eich cod diogelwch Riverside Surgery. Peidiwch â'i rannu.\n\n@care.example.org #" + CODE;
    private static final SmsMessage WELSH_TEXT = new SmsMessage("+447700900123", WELSH_BODY,
            Map.of("code", CODE, "service_name", "Riverside Surgery", "origin", "care.example.org", "message", WELSH_BODY),
            Locale.forLanguageTag("cy"));

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
    void aWelshTextGoesWithTheWelshTemplate() throws Exception {
        sender(Map.of(NotifySmsSenderFactory.WELSH_TEMPLATE_ID, WELSH_TEMPLATE)).send(WELSH_TEXT);
        sender(Map.of(NotifySmsSenderFactory.WELSH_TEMPLATE_ID, WELSH_TEMPLATE)).send(TEXT);

        assertThat(notify.sent()).extracting(NotifyStandIn.Sms::templateId).containsExactly(WELSH_TEMPLATE, TEMPLATE);
        assertThat(notify.sent().get(0).personalisation()).containsEntry("message", WELSH_BODY).containsEntry("code", CODE);
    }

    @Test
    void aWelshLinkTextGoesWithTheWelshTemplateAndItsNotificationIdIsReturned() throws Exception {
        String body = "Mae Riverside Surgery yn gofyn i chi lenwi holiadur: https://care.example.org/realms/patients/careaccess/l/abc";
        SmsMessage link = new SmsMessage("+447700900124", body, Map.of("message", body, "service_name", "Riverside Surgery",
                "url", "https://care.example.org/realms/patients/careaccess/l/abc"), Locale.forLanguageTag("cy"));

        String id = sender(Map.of(NotifySmsSenderFactory.WELSH_TEMPLATE_ID, WELSH_TEMPLATE)).sendForId(link);

        assertThat(notify.sent()).singleElement().satisfies(sms -> {
            assertThat(sms.templateId()).isEqualTo(WELSH_TEMPLATE);
            assertThat(sms.personalisation()).containsEntry("message", body);
            assertThat(id).isEqualTo(sms.notificationId());
        });
    }

    @Test
    void withoutAWelshTemplateAWelshTextGoesWithTheEnglishTemplateAndItsWelshMessage() throws Exception {
        sender(Map.of()).send(WELSH_TEXT);

        assertThat(notify.sent()).singleElement().satisfies(sms -> {
            assertThat(sms.templateId()).isEqualTo(TEMPLATE);
            assertThat(sms.personalisation()).containsEntry("message", WELSH_BODY);
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
