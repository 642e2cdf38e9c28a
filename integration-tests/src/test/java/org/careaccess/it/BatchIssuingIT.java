package org.careaccess.it;

import static org.careaccess.it.CareAccessServer.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.careaccess.keycloak.secrets.Secrets;
import org.careaccess.testkit.LinkIssuerApi;
import org.careaccess.testkit.TestPatients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code POST /realms/patients/careaccess/links/batch}: many links in one request, one answer per record. */
@ExtendWith(CareAccessServer.class)
class BatchIssuingIT {

    private static final LocalDate BORN = LocalDate.of(1971, 9, 30);

    private final LinkIssuerApi issuer = journey().issuer();

    static Map<String, Object> record() {
        return record(TestPatients.nextMobile());
    }

    static Map<String, Object> record(String mobile) {
        Map<String, Object> record = LinkIssuerApi.requestBody(BORN, mobile, TestPatients.nextNhsNumber());
        record.put("requestId", UUID.randomUUID().toString());
        return record;
    }

    @Test
    void aBadRecordDoesNotSpoilItsNeighbours() {
        Map<String, Object> badDate = record();
        badDate.put("birthDate", "1971-02-30");
        Map<String, Object> noRequestId = record();
        noRequestId.remove("requestId");
        Map<String, Object> unknownField = record();
        unknownField.put("colour", "blue");

        JsonNode results = issuer.postBatch(List.of(record(), badDate, record(), noRequestId, unknownField, "not an object"))
                .expect(200).body().path("results");

        assertThat(results).hasSize(6);
        for (int i = 0; i < 6; i++) {
            assertThat(results.get(i).path("index").asInt()).isEqualTo(i);
        }
        assertIssued(results.get(0));
        assertIssued(results.get(2));
        assertThat(results.get(1).path("status").asInt()).isEqualTo(400);
        assertThat(results.get(1).path("field").asText()).isEqualTo("birthDate");
        assertThat(results.get(3).path("field").asText()).isEqualTo("requestId");
        assertThat(results.get(4).path("field").asText()).isEqualTo("colour");
        assertThat(results.get(5).path("error").asText()).isEqualTo("invalid_request");
        assertThat(results.get(1).toString()).doesNotContain("1971-02-30");
    }

    @Test
    void aBirthDateConflictIsThatRecordsAnswerOnly() {
        Map<String, Object> first = record();
        issuer.postBatch(List.of(first)).expect(200);
        Map<String, Object> sameNhsNumberOtherDate = record();
        sameNhsNumberOtherDate.put("nhsNumber", first.get("nhsNumber"));
        sameNhsNumberOtherDate.put("birthDate", "1971-10-01");

        JsonNode results = issuer.postBatch(List.of(sameNhsNumberOtherDate, record())).expect(200).body().path("results");

        assertThat(results.get(0).path("status").asInt()).isEqualTo(409);
        assertThat(results.get(0).path("field").asText()).isEqualTo("birthDate");
        assertIssued(results.get(1));

        sameNhsNumberOtherDate.put("birthDate", first.get("birthDate"));
        assertIssued(issuer.postBatch(List.of(sameNhsNumberOtherDate)).expect(200).body().path("results").get(0));
    }

    @Test
    void aRetriedRequestIdGetsTheSameLinkAndNoSecondOne() {
        Map<String, Object> record = record();
        JsonNode first = issuer.postBatch(List.of(record)).expect(200).body().path("results").get(0);

        JsonNode again = issuer.postBatch(List.of(record, record())).expect(200).body().path("results").get(0);
        JsonNode single = issuer.post(record).expect(200).body();

        assertIssued(first);
        assertThat(again.path("status").asInt()).isEqualTo(200);
        assertThat(again.path("id").asText()).isEqualTo(first.path("id").asText());
        assertThat(again.path("url").asText()).isEqualTo(first.path("url").asText());
        assertThat(single.path("id").asText()).isEqualTo(first.path("id").asText());
        assertThat(single.path("code").asText()).isEqualTo(first.path("code").asText());
        assertThat(DevDatabase.queryString("select count(*) from CAREACCESS_PATIENT_LINK where REQUEST_HASH = ?",
                Secrets.sha256Hex(LinkIssuerApi.CLIENT_ID + "|" + record.get("requestId")))).isEqualTo("1");
        // The code is stored only as its hash, and the requestId only inside a hash.
        String code = first.path("code").asText();
        assertThat(DevDatabase.queryString("select CODE_HASH from CAREACCESS_PATIENT_LINK where ID = ?", first.path("id").asText()))
                .isEqualTo(Secrets.sha256Hex(code));
    }

    @Test
    void theRetriedLinkOpensLikeAnyOther() {
        Map<String, Object> record = record();
        JsonNode first = issuer.postBatch(List.of(record)).expect(200).body().path("results").get(0);

        JsonNode again = issuer.postBatch(List.of(record)).expect(200).body().path("results").get(0);

        LinkIssuerApi.IssuedLink link = new LinkIssuerApi.IssuedLink("patients", again.path("id").asText(), again.path("code").asText(),
                again.path("url").asText(), TestPatients.e164((String) record.get("mobile")), BORN, (String) record.get("nhsNumber"));
        assertThat(link.id()).isEqualTo(first.path("id").asText());
        journey().signedInFirstDevice(link);
    }

    @Test
    void aThousandRecordsAreIssuedAndOneMoreIsRefused() {
        // Nothing is texted, so one number does for all (the test numbers are few).
        String mobile = TestPatients.nextMobile();
        List<Map<String, Object>> thousand = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            Map<String, Object> record = record(mobile);
            if (i % 2 == 0) {
                record.remove("nhsNumber");
            }
            thousand.add(record);
        }
        JsonNode results = issuer.postBatch(thousand).expect(200).body().path("results");
        assertThat(results).hasSize(1000);
        results.forEach(BatchIssuingIT::assertIssued);

        List<Map<String, Object>> tooMany = new ArrayList<>(thousand);
        tooMany.add(thousand.get(0));
        LinkIssuerApi.Answer refused = issuer.postBatch(tooMany);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/json");
        assertThat(refused.body().path("message").asText()).contains("1000");
    }

    @Test
    void anOversizedBodyIsA413InJson() {
        String huge = "[" + ("{\"requestId\":\"" + "x".repeat(1000) + "\"},").repeat(1100) + "{}]";

        LinkIssuerApi.Answer answer = issuer.send("POST", "/careaccess/links/batch", "application/json", huge);

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.body().path("error").asText()).isEqualTo("payload_too_large");
    }

    @Test
    void anObjectInsteadOfAnArrayIsA400AndAnEmptyBatchToo() {
        assertThat(issuer.postBatch(record()).status()).isEqualTo(400);
        assertThat(issuer.postBatch(List.of()).status()).isEqualTo(400);
        assertThat(issuer.send("POST", "/careaccess/links/batch", "text/plain", "[]").status()).isEqualTo(415);
    }

    @Test
    void noTokenIsA401AndAClientWithoutTheRoleA403() {
        assertThat(journey().issuerWithToken(null).postBatch(List.of(record())).status()).isEqualTo(401);
        assertThat(journey().issuerWithToken("not-a-token").postBatch(List.of(record())).status()).isEqualTo(401);

        LinkIssuerApi.Answer stranger = CareAccessServer.issuerWithoutTheRole().postBatch(List.of(record()));
        assertThat(stranger.status()).isEqualTo(403);
        assertThat(stranger.body().path("error").asText()).isEqualTo("forbidden");
    }

    static void assertIssued(JsonNode result) {
        assertThat(result.path("status").asInt()).as(result.toString()).isEqualTo(201);
        assertThat(result.path("id").asText()).isNotBlank();
        assertThat(result.path("url").asText()).endsWith("/careaccess/l/" + result.path("code").asText());
        assertThat(result.path("expiresAt").asText()).isNotBlank();
    }
}
