package org.careaccess.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careaccess.it.CareAccessServer.journey;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.careaccess.testkit.JsonApi;
import org.careaccess.testkit.LinkIssuerApi;
import org.careaccess.testkit.Parallel;
import org.careaccess.testkit.TestPatients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The issuer API's limits per issuer client: birth dates that do not match the patient's (409)
 * and requests a second, past either a {@code 429} with {@code Retry-After}. Each test has its own
 * copy of the patients realm, so its issuer client starts with nothing counted.
 */
@ExtendWith(CareAccessServer.class)
class IssuerApiLimitsIT {

    private static final LocalDate BORN = LocalDate.of(1962, 11, 4);
    private static final String MISMATCHES = "patients-issuer-mismatches";
    private static final String PARALLEL_MISMATCHES = "patients-issuer-parallel-mismatches";
    private static final String FIVE_A_SECOND = "patients-issuer-five-a-second";
    private static final String EVENTS = "patients-issuer-events";

    @BeforeAll
    static void realms() {
        journey().createRealmCopy(MISMATCHES, Map.of());
        journey().createRealmCopy(PARALLEL_MISMATCHES, Map.of());
        journey().createRealmCopy(FIVE_A_SECOND, Map.of());
        journey().createRealmCopy(EVENTS, Map.of());
        setRealmAttribute(FIVE_A_SECOND, "careaccess.issuer.requestsPerSecond", "5");
    }

    @AfterAll
    static void deleteRealms() {
        for (String realm : new String[] {MISMATCHES, PARALLEL_MISMATCHES, FIVE_A_SECOND, EVENTS}) {
            journey().deleteRealm(realm);
        }
    }

    @Test
    void twentyOneMismatchingBirthDatesGetTwentyConflictsThenTooManyRequests() {
        LinkIssuerApi issuer = journey().issuer(MISMATCHES);
        String nhsNumber = TestPatients.nextNhsNumber();
        issuer.issue(BORN, TestPatients.nextMobile(), nhsNumber);

        List<Integer> statuses = new ArrayList<>();
        JsonApi.Answer last = null;
        for (int i = 0; i < 21; i++) {
            last = issuer.post(bodyFor(nhsNumber, BORN.plusDays(1 + i)));
            statuses.add(last.status());
        }

        assertThat(statuses.subList(0, 20)).containsOnly(409);
        assertThat(statuses.get(20)).isEqualTo(429);
        assertTooManyRequests(last, "3600");
        assertThat(issuer.post(bodyFor(nhsNumber, BORN)).status())
                .as("the right birth date is refused too: the answer no longer tells whether a date is right").isEqualTo(429);
        assertThat(issuer.post(bodyFor(TestPatients.nextNhsNumber(), BORN)).status())
                .as("so is any request with an NHS number").isEqualTo(429);
        assertThat(issuer.post(LinkIssuerApi.requestBody(BORN, TestPatients.nextMobile(), null)).status())
                .as("a request without an NHS number cannot meet another birth date: still served").isEqualTo(201);
    }

    @Test
    void eachConflictLeavesAnEventWithTheClientButNeitherBirthDateNorNhsNumber() {
        LinkIssuerApi issuer = journey().issuer(EVENTS);
        String nhsNumber = TestPatients.nextNhsNumber();
        issuer.issue(BORN, TestPatients.nextMobile(), nhsNumber);

        issuer.post(bodyFor(nhsNumber, BORN.plusYears(1))).expect(409);
        issuer.post(bodyFor(nhsNumber, BORN.plusYears(2))).expect(409);

        JsonNode events = CareAccessServer.admin().get("/realms/" + EVENTS + "/events?type=CLIENT_LOGIN_ERROR&max=100").expect(200).body();
        assertThat(events).hasSize(2);
        for (JsonNode event : events) {
            assertThat(event.path("clientId").asText()).isEqualTo("link-issuer");
            assertThat(event.path("error").asText()).isEqualTo("careaccess_birth_date_mismatch");
            assertThat(event.path("details").path("careaccess_step").asText()).isEqualTo("issuer_api");
            assertThat(event.path("details").path("careaccess_reason").asText()).isEqualTo("birth_date_mismatch");
            assertThat(event.path("userId").asText()).as("the patient whose birth date was asked about").isNotBlank();
            // Not any year in the ids or the time: they are random UUIDs and a clock that may hold any digits.
            ObjectNode said = ((ObjectNode) event.deepCopy()).without(List.of("id", "time", "realmId", "userId", "sessionId"));
            for (LocalDate date : List.of(BORN, BORN.plusYears(1), BORN.plusYears(2))) {
                assertThat(said.toString()).doesNotContain(String.valueOf(date.getYear()))
                        .doesNotContain(date.format(DateTimeFormatter.BASIC_ISO_DATE).substring(4));
            }
            assertThat(event.toString()).doesNotContain(nhsNumber);
        }
    }

    @Test
    void thirtyParallelMismatchingBirthDatesGetNoMoreThanTwentyConflicts() {
        LinkIssuerApi issuer = journey().issuer(PARALLEL_MISMATCHES);
        String nhsNumber = TestPatients.nextNhsNumber();
        issuer.issue(BORN, TestPatients.nextMobile(), nhsNumber);

        List<JsonApi.Answer> answers = Parallel.run(30, i -> issuer.post(bodyFor(nhsNumber, BORN.minusDays(1 + i))));

        assertThat(count(answers, 409)).isEqualTo(20);
        assertThat(count(answers, 429)).isEqualTo(10);
    }

    @Test
    void aBurstAboveFiveASecondGetsTooManyRequestsAndNoMoreThanFiveASecondAreServed() {
        LinkIssuerApi issuer = journey().issuer(FIVE_A_SECOND);
        int patientsBefore = patientCount(FIVE_A_SECOND);

        long firstSecond = Instant.now().getEpochSecond();
        List<JsonApi.Answer> answers = Parallel.run(30, i -> issuer.post(LinkIssuerApi.requestBody(BORN, TestPatients.nextMobile(), null)));
        long lastSecond = Instant.now().getEpochSecond();

        int served = count(answers, 201);
        System.out.printf("30 parallel issues at 5 a second: %d served, %d refused over %d second(s)%n",
                served, count(answers, 429), lastSecond - firstSecond + 1);
        assertThat(served + count(answers, 429)).isEqualTo(30);
        assertThat(served).isBetween(1, (int) (5 * (lastSecond - firstSecond + 1)));
        assertTooManyRequests(answers.stream().filter(a -> a.status() == 429).findFirst().orElseThrow(), "1");
        assertThat(patientCount(FIVE_A_SECOND) - patientsBefore).as("a refused request made no patient").isEqualTo(served);
    }

    private static void assertTooManyRequests(JsonApi.Answer answer, String retryAfter) {
        assertThat(answer.status()).isEqualTo(429);
        assertThat(answer.headers().firstValue("Retry-After")).hasValue(retryAfter);
        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(answer.body().path("error").asText()).isEqualTo("rate_limited");
    }

    private static Map<String, Object> bodyFor(String nhsNumber, LocalDate birthDate) {
        return LinkIssuerApi.requestBody(birthDate, TestPatients.nextMobile(), nhsNumber);
    }

    private static int count(List<JsonApi.Answer> answers, int status) {
        return (int) answers.stream().filter(answer -> answer.status() == status).count();
    }

    private static int patientCount(String realm) {
        return CareAccessServer.admin().get("/realms/" + realm + "/users/count").expect(200).body().asInt();
    }

    static void setRealmAttribute(String realm, String name, String value) {
        ObjectNode attributes = (ObjectNode) CareAccessServer.admin().get("/realms/" + realm).expect(200).body().path("attributes");
        attributes.put(name, value);
        CareAccessServer.admin().put("/realms/" + realm, Map.of("attributes", attributes)).expect(204);
    }
}
