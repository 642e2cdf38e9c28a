package org.careaccess.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careaccess.it.CareAccessServer.journey;
import static org.careaccess.testkit.PatientJourney.enterDateOfBirth;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.careaccess.testkit.Browser;
import org.careaccess.testkit.LinkIssuerApi;
import org.careaccess.testkit.LinkIssuerApi.IssuedLink;
import org.careaccess.testkit.Page;
import org.careaccess.testkit.TestPatients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Only a link code's SHA-256 is kept. The code reaches Keycloak as the authorization request
 * parameter {@code careaccess_link}, which Keycloak would copy into the client session it
 * persists: after every kind of flow, the database (as a backup would hold it) and the server's
 * log hold none of the codes, while they do hold the sessions those flows opened. A link CareAccess
 * texts keeps a seed its code is made from again only while its text waits: once sent, neither the
 * code nor the seed is in the database.
 */
@ExtendWith(CareAccessServer.class)
class LinkCodeNeverStoredIT {

    private static final LocalDate ANNS_BIRTHDAY = LocalDate.of(1984, 3, 15);
    private static final LocalDate BENS_BIRTHDAY = LocalDate.of(2001, 11, 2);

    private final LinkIssuerApi issuer = journey().issuer();

    @Test
    void afterEveryKindOfFlowNeitherTheDatabaseNorTheLogHoldsACode() {
        List<IssuedLink> links = new ArrayList<>();

        IssuedLink firstDevice = issuer.issue(ANNS_BIRTHDAY);
        links.add(firstDevice);
        journey().signedInFirstDevice(firstDevice);

        IssuedLink secondDevice = issuer.issue(ANNS_BIRTHDAY);
        links.add(secondDevice);
        journey().signedInFirstDevice(secondDevice);
        Page code = enterDateOfBirth(journey().open(CareAccessServer.browser(), secondDevice), ANNS_BIRTHDAY);
        assertThat(journey().enterTextedCode(code, secondDevice).isRedirect()).isTrue();

        IssuedLink nhsLogin = issuer.issue(ANNS_BIRTHDAY, TestPatients.nextMobile(), TestPatients.nextNhsNumber());
        links.add(nhsLogin);
        NhsLoginIT.NhsLoginStub.user(nhsLogin.nhsNumber(), ANNS_BIRTHDAY, "P9.Cp.Cd");
        Browser nhsBrowser = CareAccessServer.browser();
        Page nhsDone = NhsLoginIT.NhsLoginStub.continueToNhsLogin(nhsBrowser, journey().open(nhsBrowser, nhsLogin), nhsLogin.nhsNumber());
        assertThat(nhsDone.isRedirect()).as(nhsDone + "\n" + nhsDone.text()).isTrue();

        IssuedLink annsLink = issuer.issue(ANNS_BIRTHDAY);
        IssuedLink bensLink = issuer.issue(BENS_BIRTHDAY);
        links.add(annsLink);
        links.add(bensLink);
        Browser tablet = journey().signedInFirstDevice(annsLink);
        Page dob = journey().open(tablet, bensLink).form().submit("sign-out");
        assertThat(enterDateOfBirth(dob, BENS_BIRTHDAY).isRedirect()).as("signed out and replayed").isTrue();

        // Ann's session ended when she was signed out for Ben; every other link's session is in the database.
        String database = databaseOnceItHoldsTheSessionsOf(links.stream().filter(link -> link != annsLink).toList());
        String log = CareAccessServer.server().log();
        assertThat(links.stream().filter(link -> database.contains(link.code())).map(IssuedLink::id))
                .as("links whose code is in the database").isEmpty();
        assertThat(links.stream().filter(link -> log.contains(link.code())).map(IssuedLink::id))
                .as("links whose code is in the server log").isEmpty();
    }

    @Test
    void afterABatchsTextsAreSentTheDatabaseHoldsNeitherTheirCodesNorTheirSeeds() {
        List<Map<String, Object>> records = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Map<String, Object> record = LinkIssuerApi.requestBody(ANNS_BIRTHDAY, TestPatients.nextMobile(), null);
            record.put("requestId", UUID.randomUUID().toString());
            record.put("send", true);
            records.add(record);
        }
        Map<String, Object> withoutRequestId = LinkIssuerApi.requestBody(BENS_BIRTHDAY, TestPatients.nextMobile(), null);
        withoutRequestId.put("send", true);
        List<JsonNode> issued = new ArrayList<>();
        List<String> seeds = new ArrayList<>();
        // SNS answers each text after a second, so every seed can be read while its text still waits.
        CareAccessServer.sns().stallFor(Duration.ofSeconds(1));
        try {
            issuer.postBatch(records).expect(200).body().path("results").forEach(issued::add);
            issued.add(issuer.post(withoutRequestId).expect(201).body());
            for (JsonNode link : issued) {
                seeds.add(DevDatabase.queryString("select SEED from CAREACCESS_LINK_TEXT where LINK_ID = ?", link.path("id").asText()));
            }
            assertThat(seeds).as("the seeds while the texts wait").doesNotContainNull().doesNotHaveDuplicates();
            for (JsonNode link : issued) {
                assertThat(issuer.textSettled(link.path("id").asText(), Duration.ofSeconds(30)).path("state").asText()).isEqualTo("sent");
            }
        } finally {
            CareAccessServer.sns().behave();
        }

        String database = DevDatabase.script();
        assertThat(issued).filteredOn(link -> database.contains(link.path("id").asText())).as("the links, in the database").hasSize(4);
        assertThat(issued).filteredOn(link -> database.contains(link.path("code").asText())).as("links whose code is in the database")
                .isEmpty();
        assertThat(seeds).filteredOn(database::contains).as("seeds in the database").isEmpty();
        assertThat(issued).filteredOn(link -> CareAccessServer.server().log().contains(link.path("code").asText()))
                .as("links whose code is in the server log").isEmpty();
    }

    /**
     * The database dump, once every link's client session (whose notes carry the link's id, as
     * they would carry the code) has been written: Keycloak persists sessions in batches.
     */
    private static String databaseOnceItHoldsTheSessionsOf(List<IssuedLink> links) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            String script = DevDatabase.script();
            List<String> sessions = script.lines().filter(line -> line.contains("careaccess.link.id")).toList();
            if (links.stream().allMatch(link -> sessions.stream().anyMatch(line -> line.contains(link.id())))) {
                return script;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not every link's client session was persisted within 30 s");
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
