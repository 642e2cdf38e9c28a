package org.careaccess.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careaccess.it.CareAccessServer.journey;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import org.careaccess.keycloak.secrets.Secrets;
import org.careaccess.testkit.JsonApi;
import org.careaccess.testkit.LinkIssuerApi.IssuedLink;
import org.careaccess.testkit.LinkIssuerApi;
import org.careaccess.testkit.OidcClient;
import org.careaccess.testkit.TestPatients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

/** The issuer API, {@code /realms/patients/careaccess/links}, as the system that texts patients uses it. */
@ExtendWith(CareAccessServer.class)
class LinkIssuerApiIT {

    private static final LocalDate BORN = LocalDate.of(1984, 3, 15);

    private final LinkIssuerApi issuer = journey().issuer();

    private static Map<String, Object> validBody() {
        return LinkIssuerApi.requestBody(BORN, TestPatients.nextMobile(), TestPatients.nextNhsNumber());
    }

    @Test
    void issuingALinkAnswers201WithItsIdCodeUrlAndExpiry() {
        JsonApi.Answer answer = issuer.post(validBody()).expect(201);

        JsonNode body = answer.body();
        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(UUID.fromString(body.path("id").asText())).isNotNull();
        String code = body.path("code").asText();
        assertThat(code).matches("[A-Za-z0-9_-]{16,}");
        assertThat(Base64.getUrlDecoder().decode(code).length * 8).as("bits in the code").isGreaterThanOrEqualTo(72);
        assertThat(body.path("url").asText()).isEqualTo(CareAccessServer.server().url() + "/realms/patients/careaccess/l/" + code);
        assertThat(Instant.parse(body.path("expiresAt").asText()))
                .isBetween(Instant.now().plus(Duration.ofDays(30)).minusSeconds(300), Instant.now().plus(Duration.ofDays(30)).plusSeconds(300));
    }

    @Test
    void everyLinkGetsItsOwnCodeStoredOnlyAsItsSha256() {
        JsonNode first = issuer.post(validBody()).expect(201).body();
        JsonNode second = issuer.post(validBody()).expect(201).body();

        assertThat(first.path("code").asText()).isNotEqualTo(second.path("code").asText());
        String code = first.path("code").asText();
        assertThat(DevDatabase.queryString("select CODE_HASH from CAREACCESS_PATIENT_LINK where ID = ?", first.path("id").asText()))
                .isEqualTo(Secrets.sha256Hex(code));
        assertThat(DevDatabase.queryString("select ID from CAREACCESS_PATIENT_LINK where CODE_HASH = ? or RESOURCE_REF = ? or ISSUED_BY = ?",
                code, code, code)).isNull();
    }

    @Test
    void theMobileIsStoredInE164() {
        Map<String, Object> body = validBody();
        String typed = (String) body.get("mobile");

        String id = issuer.post(body).expect(201).body().path("id").asText();

        assertThat(DevDatabase.queryString("select MOBILE from CAREACCESS_PATIENT_LINK where ID = ?", id)).isEqualTo(TestPatients.e164(typed));
    }

    @Test
    void theStatusShowsPurposeExpiryAndAMaskedNumberButNeverTheNumberOrTheBirthDate() {
        IssuedLink link = issuer.issue(BORN);

        JsonApi.Answer answer = issuer.status(link.id()).expect(200);

        JsonNode status = answer.body();
        assertThat(status.path("id").asText()).isEqualTo(link.id());
        assertThat(status.path("purpose").asText()).isEqualTo("questionnaire");
        assertThat(status.path("resource").asText()).isEqualTo("q-123");
        assertThat(status.path("status").asText()).isEqualTo("active");
        assertThat(status.hasNonNull("revokedAt")).isFalse();
        assertThat(status.hasNonNull("trustedDevice")).isFalse();
        assertThat(status.path("mobile").asText()).endsWith(link.mobileE164().substring(link.mobileE164().length() - 2))
                .doesNotContain("7700");
        assertThat(answer.raw()).doesNotContain(link.mobileE164()).doesNotContain("1984").doesNotContain(link.code());
    }

    @Test
    void deleteRevokesTheLinkForGood() {
        IssuedLink link = issuer.issue(BORN);

        issuer.revoke(link.id()).expect(204);

        JsonNode status = issuer.status(link.id()).expect(200).body();
        assertThat(status.path("status").asText()).isEqualTo("revoked");
        assertThat(Instant.parse(status.path("revokedAt").asText())).isBefore(Instant.now().plusSeconds(5));
        issuer.revoke(link.id()).expect(204);
        PatientLinkFlowIT.assertLinkInvalid(journey().open(CareAccessServer.browser(), link));
    }

    @Test
    void theSameNhsNumberFindsTheSamePatientWithARandomUsername() {
        String nhsNumber = TestPatients.nextNhsNumber();
        IssuedLink first = issuer.issue(BORN, TestPatients.nextMobile(), nhsNumber);
        IssuedLink second = issuer.issue(BORN, TestPatients.nextMobile(), nhsNumber.substring(0, 3) + " " + nhsNumber.substring(3, 6)
                + " " + nhsNumber.substring(6));

        String patient = issuer.status(first.id()).body().path("patientId").asText();
        assertThat(issuer.status(second.id()).body().path("patientId").asText()).isEqualTo(patient);
        JsonNode user = CareAccessServer.admin().get("/realms/patients/users/" + patient).expect(200).body();
        assertThat(user.path("attributes").path("nhs_number").get(0).asText()).isEqualTo(nhsNumber);
        assertThat(user.path("attributes").path("birthdate").get(0).asText()).isEqualTo("1984-03-15");
        assertThat(user.path("username").asText()).startsWith("patient-").doesNotContain(nhsNumber).doesNotContainIgnoringCase("ann");
        assertThat(user.path("firstName").asText()).isEqualTo("Ann");
    }

    @Test
    void namesALaterLinkBringsAreFilledInAndSeenAtOnceThroughKeycloaksUserCache() {
        String nhsNumber = TestPatients.nextNhsNumber();
        Map<String, Object> nameless = LinkIssuerApi.requestBody(BORN, TestPatients.nextMobile(), nhsNumber);
        nameless.remove("givenName");
        nameless.remove("familyName");
        String patient = issuer.status(issuer.post(nameless).expect(201).body().path("id").asText()).body().path("patientId").asText();
        // Read once, so the server holds the nameless patient in its user cache.
        assertThat(CareAccessServer.admin().get("/realms/patients/users/" + patient).expect(200).body().path("firstName").asText("")).isEmpty();

        issuer.post(LinkIssuerApi.requestBody(BORN, TestPatients.nextMobile(), nhsNumber)).expect(201);
        issuer.post(LinkIssuerApi.requestBody(BORN, TestPatients.nextMobile(), nhsNumber)).expect(201);

        JsonNode user = CareAccessServer.admin().get("/realms/patients/users/" + patient).expect(200).body();
        assertThat(user.path("firstName").asText()).isEqualTo("Ann");
        assertThat(user.path("lastName").asText()).isEqualTo("Example");
    }

    @Test
    void aDifferentBirthDateForAKnownNhsNumberIsRefusedAsAConflict() {
        String nhsNumber = TestPatients.nextNhsNumber();
        issuer.issue(BORN, TestPatients.nextMobile(), nhsNumber);
        Map<String, Object> body = validBody();
        body.put("nhsNumber", nhsNumber);
        body.put("birthDate", "1984-03-16");

        JsonApi.Answer answer = issuer.post(body).expect(409);

        assertThat(answer.body().path("field").asText()).isEqualTo("birthDate");
    }

    @Test
    void withoutAnNhsNumberEveryLinkMakesANewPatient() {
        IssuedLink first = issuer.issue(BORN);
        IssuedLink second = issuer.issue(BORN);

        assertThat(issuer.status(first.id()).body().path("patientId").asText())
                .isNotEqualTo(issuer.status(second.id()).body().path("patientId").asText());
    }

    @Test
    void theUserProfileKeepsNhsNumberAndBirthDateAdminOnly() {
        JsonNode profile = CareAccessServer.admin().get("/realms/patients/users/profile").expect(200).body();

        for (String name : new String[] {"nhs_number", "birthdate"}) {
            JsonNode attribute = null;
            for (JsonNode candidate : profile.path("attributes")) {
                if (name.equals(candidate.path("name").asText())) {
                    attribute = candidate;
                }
            }
            assertThat(attribute).as(name).isNotNull();
            assertThat(attribute.path("permissions").path("edit").toString()).isEqualTo("[\"admin\"]");
            assertThat(attribute.path("permissions").path("view").toString()).isEqualTo("[\"admin\"]");
        }
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "birthDate     | MISSING",
            "birthDate     | \"15/03/1984\"",
            "birthDate     | \"1984-02-30\"",
            "birthDate     | \"2999-01-01\"",
            "birthDate     | \"1899-12-31\"",
            "birthDate     | 19840315",
            "mobile        | MISSING",
            "mobile        | \"12345\"",
            "mobile        | \"020 7946 0000\"",
            "mobile        | \"+1 202 555 0100\"",
            "mobile        | \"0909 879 0000\"",
            "mobile        | 7700900123",
            "mobile        | \"07700 900123 07700 900123 07700 900123 07700 900123\"",
            "nhsNumber     | \"9434765918\"",
            "nhsNumber     | \"12345\"",
            "nhsNumber     | 9434765919",
            "purpose       | MISSING",
            "purpose       | \"banana\"",
            "purpose       | [\"questionnaire\"]",
            "resource      | LONG",
            "resource      | {\"id\":1}",
            "expiresInDays | 0",
            "expiresInDays | 91",
            "expiresInDays | \"30\"",
            "expiresInDays | 1.5",
            "expiresInDays | 99999999999",
            "givenName     | LONG",
            "familyName    | \"Ex\\u0000ample\"",
            "dob           | \"1984-03-15\""})
    void eachBadFieldIsA400NamingTheField(String field, String json) throws Exception {
        Map<String, Object> body = validBody();
        switch (json) {
            case "MISSING" -> body.remove(field);
            case "LONG" -> body.put(field, "x".repeat(300));
            default -> body.put(field, org.careaccess.testkit.AdminClient.json().readTree(json));
        }

        JsonApi.Answer answer = issuer.post(body);

        assertThat(answer.status()).as(answer.raw()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(answer.body().path("error").asText()).isEqualTo("invalid_request");
        assertThat(answer.body().path("field").asText()).isEqualTo(field);
        assertThat(answer.body().path("message").asText()).isNotBlank();
        if (!json.equals("MISSING") && !json.equals("LONG") && json.length() > 4) {
            assertThat(answer.raw()).as("input is never echoed").doesNotContain(json.replace("\"", ""));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "[1,2,3]", "\"a string\"", "", "{\"birthDate\":"})
    void aBodyThatIsNotAJsonObjectIsA400(String body) {
        JsonApi.Answer answer = issuer.send("POST", "/careaccess/links", "application/json", body);

        assertThat(answer.status()).as(answer.raw()).isEqualTo(400);
        assertThat(answer.body().path("error").asText()).isEqualTo("invalid_request");
    }

    @Test
    void anOversizedBodyIsA413() {
        Map<String, Object> body = validBody();
        body.put("padding", "x".repeat(20_000));

        JsonApi.Answer answer = issuer.post(body);

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.body().path("error").asText()).isEqualTo("payload_too_large");
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "application/xml", "*/*"})
    void aBodyThatIsNotJsonByContentTypeIsA415(String contentType) {
        JsonApi.Answer answer = issuer.send("POST", "/careaccess/links", contentType, "{\"birthDate\":\"1984-03-15\"}");

        assertThat(answer.status()).isEqualTo(415);
        assertThat(answer.body().path("error").asText()).isEqualTo("unsupported_media_type");
    }

    @Test
    void aRequestWithoutAContentTypeIsA415() {
        assertThat(issuer.send("POST", "/careaccess/links", null, "{}").status()).isEqualTo(415);
    }

    @Test
    void noTokenIsA401AndNothingIsIssued() {
        JsonApi.Answer answer = journey().issuerWithToken(null).post(validBody());

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body().path("error").asText()).isEqualTo("unauthorized");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-token", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.", "Basic"})
    void aBadTokenIsA401(String token) {
        assertThat(journey().issuerWithToken(token).post(validBody()).status()).isEqualTo(401);
        assertThat(journey().issuerWithToken(token).status(UUID.randomUUID().toString()).status()).isEqualTo(401);
        assertThat(journey().issuerWithToken(token).revoke(UUID.randomUUID().toString()).status()).isEqualTo(401);
    }

    @Test
    void aTokenOfAnotherRealmIsA401() throws Exception {
        JsonApi.Answer answer = journey().issuerWithToken(CareAccessServer.admin().token()).post(validBody());

        assertThat(answer.status()).isEqualTo(401);
    }

    @Test
    void aClientWithoutTheIssuerRoleIsA403() {
        IssuedLink link = issuer.issue(BORN);

        LinkIssuerApi stranger = CareAccessServer.issuerWithoutTheRole();

        assertThat(stranger.post(validBody()).status()).isEqualTo(403);
        assertThat(stranger.status(link.id()).status()).isEqualTo(403);
        assertThat(stranger.revoke(link.id()).status()).isEqualTo(403);
        assertThat(stranger.post(validBody()).body().path("error").asText()).isEqualTo("forbidden");
        assertThat(issuer.status(link.id()).body().path("status").asText()).isEqualTo("active");
    }

    @Test
    void anUnknownLinkIsA404() {
        assertThat(issuer.status(UUID.randomUUID().toString()).status()).isEqualTo(404);
        assertThat(issuer.revoke(UUID.randomUUID().toString()).status()).isEqualTo(404);
        assertThat(issuer.status("x".repeat(500)).status()).isEqualTo(404);
        assertThat(issuer.status(UUID.randomUUID().toString()).body().path("error").asText()).isEqualTo("not_found");
    }

    @Test
    void otherMethodsAreRefusedWithoutAServerError() {
        IssuedLink link = issuer.issue(BORN);

        assertThat(issuer.send("PUT", "/careaccess/links", "application/json", "{}").status()).isBetween(400, 499);
        assertThat(issuer.send("POST", "/careaccess/links/" + link.id(), "application/json", "{}").status()).isBetween(400, 499);
        assertThat(issuer.send("GET", "/careaccess/links", null, null).status()).isBetween(400, 499);
        assertThat(issuer.send("POST", "/careaccess/l/" + link.code(), "application/json", "{}").status()).isBetween(400, 499);
    }

    @Test
    void deletingThePatientDeletesTheirLinks() {
        IssuedLink link = issuer.issue(BORN);
        String patient = issuer.status(link.id()).body().path("patientId").asText();

        CareAccessServer.admin().delete("/realms/patients/users/" + patient).expect(204);

        assertThat(issuer.status(link.id()).status()).isEqualTo(404);
        assertThat(DevDatabase.queryString("select ID from CAREACCESS_PATIENT_LINK where ID = ?", link.id())).isNull();
    }
}
