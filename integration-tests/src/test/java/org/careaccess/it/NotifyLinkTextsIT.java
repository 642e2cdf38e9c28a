package org.careaccess.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.careaccess.testkit.BuildPaths;
import org.careaccess.testkit.CareAccessInstall;
import org.careaccess.testkit.KeycloakServer;
import org.careaccess.testkit.LinkIssuerApi;
import org.careaccess.testkit.NotifyStandIn;
import org.careaccess.testkit.TestPatients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * Link texts end to end through the {@code notify} provider: a Keycloak of its own (the shared one texts through
 * SNS), started once for the class, with GOV.UK Notify played by {@link NotifyStandIn}. What Notify receives
 * (template, personalisation, number) for English and Welsh records, and its delivery-status callbacks for the
 * notification ids it answered, as the link's GET and the not-reached list then show them. And what happens
 * to a text when Notify is down (tried again, here after 2 s and 2 s) or may have taken it (never again).
 */
class NotifyLinkTextsIT {

    private static final LocalDate BORN = LocalDate.of(1971, 9, 30);
    private static final String CALLBACK_TOKEN = "it-notify-server-callback-token";
    private static final Duration SETTLES_WITHIN = Duration.ofSeconds(30);
    /** Waits before each new try of a text Notify certainly did not take (the default is 1, 5, 15, 60 minutes). */
    private static final String RETRY_SECONDS = "2,2";

    private static NotifyStandIn notify;
    private static GreenMail mail;
    private static KeycloakServer server;
    private static LinkIssuerApi issuer;

    @BeforeAll
    static void startAServerTextingThroughNotify() {
        notify = new NotifyStandIn();
        mail = new GreenMail(new ServerSetup(KeycloakServer.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        int httpPort = KeycloakServer.freePort();
        KeycloakServer.Builder builder = CareAccessInstall.configure(
                        KeycloakServer.builder(BuildPaths.distribution(), BuildPaths.work().resolve("keycloak-notify")),
                        "http://localhost:" + httpPort, notify, mail, CareAccessServer.SMS_TIMEOUT_MILLIS, CareAccessInstall.Clients.TESTS)
                .httpPort(httpPort)
                .provider(BuildPaths.bundleJar())
                .option("--spi-realm-restapi-extension--careaccess--notify-callback-token=" + CALLBACK_TOKEN)
                .option("--spi-realm-restapi-extension--careaccess--link-text-retry-seconds=" + RETRY_SECONDS);
        for (var realm : BuildPaths.realmFiles()) {
            builder.importRealm(realm);
        }
        server = builder.build().start();
        System.out.printf("Keycloak (notify) %s started in %d s%n", server.url(), server.startedIn().toSeconds());
        issuer = LinkIssuerApi.signIn(server.url(), "patients", CareAccessInstall.ISSUER_SECRET);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
        notify.close();
        mail.stop();
    }

    private static Map<String, Object> texted(String mobile, String locale) {
        Map<String, Object> record = LinkIssuerApi.requestBody(BORN, mobile, null);
        record.put("requestId", UUID.randomUUID().toString());
        record.put("send", true);
        if (locale != null) {
            record.put("locale", locale);
        }
        return record;
    }

    @Test
    void aBatchIsTextedThroughNotifyWithTheWelshTemplateForWelshRecords() {
        String english = TestPatients.nextMobile();
        String welsh = TestPatients.nextMobile();
        JsonNode results = issuer.postBatch(List.of(texted(english, "en"), texted(welsh, "cy"))).expect(200).body().path("results");
        String englishUrl = results.get(0).path("url").asText();
        String welshUrl = results.get(1).path("url").asText();

        assertThat(issuer.textSettled(results.get(0).path("id").asText(), SETTLES_WITHIN).path("state").asText()).isEqualTo("sent");
        assertThat(issuer.textSettled(results.get(1).path("id").asText(), SETTLES_WITHIN).path("state").asText()).isEqualTo("sent");
        assertThat(notify.sentTo(TestPatients.e164(english))).singleElement().satisfies(sms -> {
            assertThat(sms.templateId()).isEqualTo(NotifyStandIn.TEMPLATE_ID);
            assertThat(sms.personalisation()).containsOnlyKeys("message", "service_name", "url")
                    .containsEntry("message", "Riverside Surgery asks you to fill in a questionnaire: " + englishUrl)
                    .containsEntry("service_name", "Riverside Surgery")
                    .containsEntry("url", englishUrl);
        });
        assertThat(notify.sentTo(TestPatients.e164(welsh))).singleElement().satisfies(sms -> {
            assertThat(sms.templateId()).isEqualTo(NotifyStandIn.WELSH_TEMPLATE_ID);
            assertThat(sms.personalisation())
                    .containsEntry("message", "Mae Riverside Surgery yn gofyn i chi lenwi holiadur: " + welshUrl)
                    .containsEntry("url", welshUrl);
        });
        assertThat(englishUrl).startsWith(server.url() + "/realms/patients/careaccess/l/");
    }

    @Test
    void notifysCallbacksForItsNotificationIdsMarkEachTextAndTheNotReachedListShowsThem() {
        Instant before = Instant.now().minusSeconds(1);
        String[] statuses = {"delivered", "permanent-failure", "temporary-failure", "technical-failure"};
        List<Map<String, Object>> records = new ArrayList<>();
        List<String> mobiles = new ArrayList<>();
        for (int i = 0; i < statuses.length; i++) {
            mobiles.add(TestPatients.nextMobile());
            records.add(texted(mobiles.get(i), i % 2 == 0 ? "cy" : null));
        }
        JsonNode results = issuer.postBatch(records).expect(200).body().path("results");
        List<String> ids = new ArrayList<>();
        results.forEach(result -> ids.add(result.path("id").asText()));
        ids.forEach(id -> assertThat(issuer.textSettled(id, SETTLES_WITHIN).path("state").asText()).isEqualTo("sent"));

        for (int i = 0; i < statuses.length; i++) {
            String notificationId = notify.sentTo(TestPatients.e164(mobiles.get(i))).get(0).notificationId();
            NotifyStandIn.callback(server.realmUrl("patients"), CALLBACK_TOKEN, notificationId, statuses[i]).expect(204);
        }
        Instant afterCallbacks = Instant.now().plusMillis(1);

        JsonNode delivered = issuer.status(ids.get(0)).expect(200).body().path("sms");
        assertThat(delivered.path("state").asText()).isEqualTo("delivered");
        assertThat(delivered.has("reason")).isFalse();
        for (int i = 1; i < statuses.length; i++) {
            JsonNode sms = issuer.status(ids.get(i)).expect(200).body().path("sms");
            assertThat(sms.path("state").asText()).isEqualTo("not_delivered");
            assertThat(sms.path("reason").asText()).isEqualTo(statuses[i]);
        }
        assertThat(issuer.linksWithText("not_delivered", before, 2)).extracting(link -> link.path("id").asText())
                .containsAll(ids.subList(1, 4)).doesNotContain(ids.get(0)).doesNotHaveDuplicates();
        assertThat(issuer.linksWithText("delivered", before, 100)).extracting(link -> link.path("id").asText())
                .contains(ids.get(0)).doesNotContainAnyElementsOf(ids.subList(1, 4));
        assertThat(issuer.linksWithText("not_delivered", afterCallbacks, 100)).extracting(link -> link.path("id").asText())
                .doesNotContainAnyElementsOf(ids);
    }

    @Test
    void aCallbackWithAnotherServersTokenIsRefusedAndMarksNothing() {
        String mobile = TestPatients.nextMobile();
        String id = issuer.postBatch(List.of(texted(mobile, null))).expect(200).body().path("results").get(0).path("id").asText();
        issuer.textSettled(id, SETTLES_WITHIN);
        String notificationId = notify.sentTo(TestPatients.e164(mobile)).get(0).notificationId();

        assertThat(NotifyStandIn.callback(server.realmUrl("patients"), CareAccessServer.NOTIFY_CALLBACK_TOKEN, notificationId, "delivered")
                .status()).isEqualTo(401);
        assertThat(issuer.status(id).expect(200).body().path("sms").path("state").asText()).isEqualTo("sent");
    }

    @Test
    void aTextNotifyRefusedWhileDownIsQueuedAgainAndSentOnceWhenItIsBack() {
        String mobile = TestPatients.nextMobile();
        notify.failWith(503);
        String id;
        try {
            id = issuer.post(texted(mobile, null)).expect(201).body().path("id").asText();
            JsonNode waiting = issuer.awaitText(id, sms -> sms.has("reason"), SETTLES_WITHIN);
            assertThat(waiting.path("state").asText()).isEqualTo("queued");
            assertThat(waiting.path("reason").asText()).isEqualTo("unavailable");
        } finally {
            notify.behave();
        }

        assertThat(issuer.textSettled(id, SETTLES_WITHIN).path("state").asText()).isEqualTo("sent");
        assertThat(notify.sentTo(TestPatients.e164(mobile))).hasSize(1);
    }

    @Test
    void aTextNotifyRefusesOnEveryTryFailsAfterTheLastRetry() {
        String mobile = TestPatients.nextMobile();
        int requestsBefore = notify.requests();
        notify.failWith(500);
        try {
            String id = issuer.post(texted(mobile, null)).expect(201).body().path("id").asText();
            JsonNode sms = issuer.textSettled(id, SETTLES_WITHIN);

            assertThat(sms.path("state").asText()).isEqualTo("failed");
            assertThat(sms.path("reason").asText()).isEqualTo("unavailable");
            // The first try and one after each of the two waits.
            assertThat(notify.requests() - requestsBefore).isEqualTo(3);
        } finally {
            notify.behave();
        }
        assertThat(notify.sentTo(TestPatients.e164(mobile))).isEmpty();
    }

    @Test
    void aTextNotifyMayHaveTakenIsNeverSentAgain() throws InterruptedException {
        String mobile = TestPatients.nextMobile();
        // Notify takes the text but answers after the provider's timeout.
        notify.stallFor(Duration.ofMillis(CareAccessServer.SMS_TIMEOUT_MILLIS + 1500));
        String id;
        try {
            id = issuer.post(texted(mobile, null)).expect(201).body().path("id").asText();
            JsonNode sms = issuer.textSettled(id, SETTLES_WITHIN);
            assertThat(sms.path("state").asText()).isEqualTo("failed");
            assertThat(sms.path("reason").asText()).isEqualTo("timed_out");
        } finally {
            notify.behave();
        }
        Thread.sleep(5000);

        assertThat(issuer.status(id).expect(200).body().path("sms").path("state").asText()).isEqualTo("failed");
        assertThat(notify.sentTo(TestPatients.e164(mobile))).hasSize(1);
    }
}
