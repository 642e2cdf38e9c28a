package org.careaccess.it;

import static org.careaccess.it.CareAccessServer.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.careaccess.testkit.JsonApi;
import org.careaccess.testkit.LinkIssuerApi;
import org.careaccess.testkit.NotifyStandIn;
import org.careaccess.testkit.TestPatients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code "send": true}: CareAccess texts the link (here through the SNS stand-in) from its queue, the link's
 * GET shows the text's state, Notify's delivery callback marks it, and the not-reached list pages through
 * the links whose text did not arrive.
 */
@ExtendWith(CareAccessServer.class)
class LinkTextsIT {

    private static final LocalDate BORN = LocalDate.of(1966, 4, 12);

    private final LinkIssuerApi issuer = journey().issuer();

    private static Map<String, Object> texted(String mobile) {
        Map<String, Object> record = LinkIssuerApi.requestBody(BORN, mobile, null);
        record.put("requestId", UUID.randomUUID().toString());
        record.put("send", true);
        return record;
    }

    @Test
    void aLinkWithSendTrueIsQueuedThenTextedOnceWithItsUrl() {
        String mobile = TestPatients.nextMobile();
        JsonNode issued = issuer.post(texted(mobile)).expect(201).body();

        assertThat(issued.path("sms").path("state").asText()).isEqualTo("queued");
        JsonNode sms = awaitTextState(issued.path("id").asText(), "sent");
        assertThat(Instant.parse(sms.path("at").asText())).isAfter(Instant.now().minusSeconds(60));
        String e164 = TestPatients.e164(mobile);
        assertThat(CareAccessServer.sns().publishedTo(e164)).singleElement()
                .satisfies(text -> assertThat(text.message()).isEqualTo("Riverside Surgery asks you to fill in a questionnaire: "
                        + issued.path("url").asText()).doesNotContain("\n"));
        assertThat(DevDatabase.queryString("select SEED from CAREACCESS_LINK_TEXT where LINK_ID = ?", issued.path("id").asText())).isNull();
        assertThat(DevDatabase.queryString("select MESSAGE_ID from CAREACCESS_LINK_TEXT where LINK_ID = ?", issued.path("id").asText()))
                .isNotBlank();
    }

    @Test
    void aWelshRecordIsTextedInWelsh() {
        String mobile = TestPatients.nextMobile();
        Map<String, Object> record = texted(mobile);
        record.put("locale", "cy");
        JsonNode result = issuer.postBatch(List.of(record)).expect(200).body().path("results").get(0);

        awaitTextState(result.path("id").asText(), "sent");
        assertThat(CareAccessServer.sns().latestTextTo(TestPatients.e164(mobile)))
                .isEqualTo("Mae Riverside Surgery yn gofyn i chi lenwi holiadur: " + result.path("url").asText());
    }

    @Test
    void aRetriedRecordIsNotTextedTwice() throws InterruptedException {
        String mobile = TestPatients.nextMobile();
        Map<String, Object> record = texted(mobile);
        JsonNode first = issuer.postBatch(List.of(record)).expect(200).body().path("results").get(0);
        awaitTextState(first.path("id").asText(), "sent");

        JsonNode again = issuer.postBatch(List.of(record)).expect(200).body().path("results").get(0);
        JsonNode single = issuer.post(record).expect(200).body();
        Thread.sleep(2500);

        assertThat(again.path("id").asText()).isEqualTo(first.path("id").asText());
        assertThat(single.path("url").asText()).isEqualTo(first.path("url").asText());
        assertThat(again.path("sms").path("state").asText()).isEqualTo("sent");
        assertThat(CareAccessServer.sns().publishedTo(TestPatients.e164(mobile))).hasSize(1);
    }

    @Test
    void linkTextsCountTowardsTheNumbersDailyLimit() {
        String mobile = TestPatients.nextMobile();
        List<Map<String, Object>> records = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            records.add(texted(mobile));
        }
        JsonNode results = issuer.postBatch(records).expect(200).body().path("results");

        List<String> states = new ArrayList<>();
        results.forEach(result -> states.add(awaitTextSettled(result.path("id").asText()).path("state").asText()
                + "/" + awaitTextSettled(result.path("id").asText()).path("reason").asText("")));
        // The patients realm allows 10 texts a day to one number.
        assertThat(states).filteredOn(s -> s.startsWith("sent")).hasSize(10);
        assertThat(states).filteredOn(s -> s.equals("failed/number_daily_limit")).hasSize(1);
        assertThat(CareAccessServer.sns().publishedTo(TestPatients.e164(mobile))).hasSize(10);
    }

    @Test
    void notifysCallbackMarksEachStatusAndTheNotReachedListShowsThem() {
        Instant before = Instant.now().minusSeconds(1);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String id = issuer.post(texted(TestPatients.nextMobile())).expect(201).body().path("id").asText();
            awaitTextState(id, "sent");
            ids.add(id);
        }
        String[] statuses = {"delivered", "permanent-failure", "temporary-failure", "technical-failure"};
        for (int i = 0; i < 4; i++) {
            callback(CareAccessServer.NOTIFY_CALLBACK_TOKEN, messageId(ids.get(i)), statuses[i]).expect(204);
        }

        assertThat(issuer.status(ids.get(0)).expect(200).body().path("sms").path("state").asText()).isEqualTo("delivered");
        for (int i = 1; i < 4; i++) {
            JsonNode sms = issuer.status(ids.get(i)).expect(200).body().path("sms");
            assertThat(sms.path("state").asText()).isEqualTo("not_delivered");
            assertThat(sms.path("reason").asText()).isEqualTo(statuses[i]);
        }

        List<String> listed = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            String path = "/careaccess/links?sms=not_delivered&since=" + before + "&limit=2" + (cursor == null ? "" : "&cursor=" + cursor);
            JsonNode page = issuer.send("GET", path, null, null).expect(200).body();
            page.path("links").forEach(link -> {
                listed.add(link.path("id").asText());
                assertThat(link.path("mobile").asText()).startsWith("•").doesNotContainPattern("^\\+?\\d{6}");
                assertThat(link.path("sms").path("state").asText()).isEqualTo("not_delivered");
            });
            // The last page has no nextCursor (Keycloak's JSON writer leaves out nulls).
            cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
            pages++;
        } while (cursor != null && pages < 10);
        assertThat(listed).containsAll(ids.subList(1, 4)).doesNotContain(ids.get(0)).doesNotHaveDuplicates();
    }

    @Test
    void theCallbackRefusesNoOrAWrongTokenAndAnUnknownNotification() {
        String id = issuer.post(texted(TestPatients.nextMobile())).expect(201).body().path("id").asText();
        awaitTextState(id, "sent");
        String messageId = messageId(id);

        assertThat(callback(null, messageId, "delivered").status()).isEqualTo(401);
        JsonApi.Answer wrong = callback(CareAccessServer.NOTIFY_CALLBACK_TOKEN + "x", messageId, "delivered");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body().path("error").asText()).isEqualTo("unauthorized");
        JsonApi.Answer unknown = callback(CareAccessServer.NOTIFY_CALLBACK_TOKEN, UUID.randomUUID().toString(), "delivered");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/json");
        assertThat(callback(CareAccessServer.NOTIFY_CALLBACK_TOKEN, messageId, "opened").status()).isEqualTo(400);
        assertThat(issuer.status(id).expect(200).body().path("sms").path("state").asText()).isEqualTo("sent");
    }

    @Test
    void theNotReachedListNeedsTheIssuerRoleAndAKnownState() {
        assertThat(journey().issuerWithToken(null).send("GET", "/careaccess/links?sms=not_delivered", null, null).status()).isEqualTo(401);
        assertThat(issuer.send("GET", "/careaccess/links?sms=lost", null, null).status()).isEqualTo(400);
        assertThat(issuer.send("GET", "/careaccess/links?sms=failed&since=yesterday", null, null).status()).isEqualTo(400);
        assertThat(issuer.send("GET", "/careaccess/links?sms=failed&cursor=%25%25", null, null).status()).isEqualTo(400);
    }

    /** Notify's callback with this bearer token (none when null). */
    private static JsonApi.Answer callback(String token, String notificationId, String status) {
        return NotifyStandIn.callback(CareAccessServer.server().realmUrl("patients"), token, notificationId, status);
    }

    private static String messageId(String linkId) {
        return DevDatabase.queryString("select MESSAGE_ID from CAREACCESS_LINK_TEXT where LINK_ID = ?", linkId);
    }

    private JsonNode awaitTextState(String linkId, String state) {
        JsonNode sms = awaitTextSettled(linkId);
        assertThat(sms.path("state").asText()).as(sms.toString()).isEqualTo(state);
        return sms;
    }

    /** The text's state once it is no longer queued (the queue drains 10 texts a second across the cluster). */
    private JsonNode awaitTextSettled(String linkId) {
        return issuer.textSettled(linkId, Duration.ofSeconds(30));
    }
}
