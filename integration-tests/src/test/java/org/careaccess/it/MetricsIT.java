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
import java.util.Set;
import java.util.UUID;

import org.careaccess.testkit.BuildPaths;
import org.careaccess.testkit.LinkIssuerApi;
import org.careaccess.testkit.LinkIssuerApi.IssuedLink;
import org.careaccess.testkit.NotifyStandIn;
import org.careaccess.testkit.OidcClient;
import org.careaccess.testkit.OperationsFiles;
import org.careaccess.testkit.Page;
import org.careaccess.testkit.PrometheusScrape;
import org.careaccess.testkit.StaffSteps;
import org.careaccess.testkit.SupportDesk;
import org.careaccess.testkit.TestPatients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code /metrics} on the management port after real flows: each CareAccess counter moved by
 * exactly what the flows did, no label gives away a person, a number, a code or a link, and every
 * metric the Grafana dashboard and the alert rules use is one the server exports.
 *
 * <p>Patient flows run in a realm of their own (a copy of patients without brute-force protection),
 * so its {@code realm} label isolates them; staff flows run in the staff realm, and the
 * integration tests run one class at a time, so nothing else moves those counters meanwhile.
 */
@ExtendWith(CareAccessServer.class)
class MetricsIT {

    private static final String REALM = "patients-metrics";
    private static final String STAFF = "staff";
    private static final LocalDate BORN = LocalDate.of(1979, 6, 2);

    @BeforeAll
    static void realm() {
        journey().createRealmCopy(REALM, Map.of(), Map.of("bruteForceProtected", false));
    }

    @AfterAll
    static void deleteRealm() {
        journey().deleteRealm(REALM);
    }

    @Test
    void afterPatientAndStaffFlowsEachCounterMovedByWhatTheyDidAndNoLabelGivesAnythingAway() {
        PrometheusScrape before = PrometheusScrape.of(CareAccessServer.server());
        List<String> secrets = new ArrayList<>();
        LinkIssuerApi issuer = journey().issuer(REALM);

        // A: the first device signs in with the date of birth; a second device is texted a code,
        // types a wrong one, then the right one. Later the issuer revokes A and A is opened again.
        IssuedLink a = issuer.issue(BORN);
        journey().signedInFirstDevice(a);
        Page code = enterDateOfBirth(journey().open(CareAccessServer.browser(), a), BORN);
        assertThat(code.careaccessPage()).isEqualTo("code");
        String right = CareAccessServer.sns().latestCodeTo(a.mobileE164());
        Page wrong = code.form().set("code", right.equals("000000") ? "000001" : "000000").submit();
        assertThat(wrong.careaccessPage()).isEqualTo("code");
        assertThat(wrong.form().set("code", right).submit().isRedirect()).isTrue();
        secrets.add(right);

        // B: five wrong dates lock it; a browser that opened it before then types the right date.
        IssuedLink b = issuer.issue(BORN);
        Page waiting = journey().open(CareAccessServer.browser(), b);
        Page dob = journey().open(CareAccessServer.browser(), b);
        for (int i = 1; i <= 5; i++) {
            dob = enterDateOfBirth(dob, BORN.minusDays(i));
        }
        assertThat(dob.careaccessPage()).isEqualTo("link-locked");
        assertThat(enterDateOfBirth(waiting, BORN).careaccessPage()).isEqualTo("link-locked");

        // C: opened after it expired.
        IssuedLink c = issuer.issue(BORN);
        DevDatabase.update("update CAREACCESS_PATIENT_LINK set EXPIRES_AT = ? where ID = ?", Instant.now().minusSeconds(1).toEpochMilli(), c.id());
        assertThat(journey().open(CareAccessServer.browser(), c).careaccessPage()).isEqualTo("link-invalid");

        // D: the gateway fails the text to a second device.
        IssuedLink d = issuer.issue(BORN);
        journey().signedInFirstDevice(d);
        Page second = journey().open(CareAccessServer.browser(), d);
        CareAccessServer.sns().failWith(500);
        try {
            assertThat(enterDateOfBirth(second, BORN).careaccessPage()).isEqualTo("sms-failed");
        } finally {
            CareAccessServer.sns().behave();
        }

        // E: three links CareAccess texts: two sent (Notify then says one was delivered, one not), one the gateway refuses.
        List<JsonNode> texted = new ArrayList<>();
        issuer.postBatch(List.of(texted(), texted())).expect(200).body().path("results").forEach(texted::add);
        for (JsonNode link : texted) {
            assertThat(issuer.textSettled(link.path("id").asText(), Duration.ofSeconds(30)).path("state").asText()).isEqualTo("sent");
        }
        CareAccessServer.sns().failWith(400);
        try {
            texted.add(issuer.post(texted()).expect(201).body());
            assertThat(issuer.textSettled(texted.get(2).path("id").asText(), Duration.ofSeconds(30)).path("reason").asText()).isEqualTo("rejected");
        } finally {
            CareAccessServer.sns().behave();
        }
        receipt(texted.get(0), "delivered");
        receipt(texted.get(1), "permanent-failure");

        issuer.revoke(a.id()).expect(204);
        assertThat(journey().open(CareAccessServer.browser(), a).careaccessPage()).isEqualTo("link-invalid");

        // Staff: a first sign-in with password that sets up text codes, a second with password and a
        // texted code; then the support desk resets the person's 2FA and a caller without the role is refused.
        String email = "it-metrics-" + Long.toString(System.nanoTime(), 36) + "@example.org";
        String staffId = StaffSteps.createStaff(CareAccessServer.admin(), STAFF, email, "metrics password 1", Map.of());
        String typedMobile = "07700 900871";
        String mobile = "+447700900871";
        assertThat(StaffSteps.enrolByText(StaffSteps.signInWithPassword(CareAccessServer.browser().open(staffPortal().authorizationUri()),
                email, "metrics password 1"), typedMobile, mobile, CareAccessServer.sns()).isRedirect()).isTrue();
        Page staffCode = StaffSteps.signInWithPassword(CareAccessServer.browser().open(staffPortal().authorizationUri()), email, "metrics password 1");
        secrets.add(CareAccessServer.sns().latestCodeTo(mobile));
        assertThat(StaffSteps.enterTextedCode(staffCode, CareAccessServer.sns(), mobile).isRedirect()).isTrue();
        String body = "{\"verification\":\"Called back on 07700 900871\",\"ticket\":\"SUP-8675309\"}";
        SupportDesk.Caller desk = SupportDesk.serviceAccount(CareAccessServer.admin(), STAFF, "it-metrics-desk", true);
        SupportDesk.Caller manager = SupportDesk.serviceAccount(CareAccessServer.admin(), STAFF, "it-metrics-manager", false);
        assertThat(SupportDesk.reset(CareAccessServer.server().url(), STAFF, desk, staffId, "application/json", body).status()).isEqualTo(200);
        assertThat(SupportDesk.reset(CareAccessServer.server().url(), STAFF, manager, staffId, "application/json", body).status()).isEqualTo(403);

        PrometheusScrape after = PrometheusScrape.of(CareAccessServer.server());
        Moved moved = new Moved(before, after);

        moved.expect("careaccess_links_total", Map.of("realm", REALM, "event", "issued"), 7);
        moved.expect("careaccess_links_total", Map.of("realm", REALM, "event", "revoked"), 1);
        // A twice, B twice, D twice; C was expired and A, opened again, revoked.
        moved.expect("careaccess_links_total", Map.of("realm", REALM, "event", "opened"), 6);
        moved.expect("careaccess_links_total", Map.of("realm", REALM, "event", "opened_expired"), 1);
        moved.expect("careaccess_links_total", Map.of("realm", REALM, "event", "opened_revoked"), 1);
        moved.expect("careaccess_dates_of_birth_total", Map.of("realm", REALM, "outcome", "match"), 4);
        moved.expect("careaccess_dates_of_birth_total", Map.of("realm", REALM, "outcome", "mismatch"), 5);
        moved.expect("careaccess_dates_of_birth_total", Map.of("realm", REALM, "outcome", "refused_locked"), 1);
        moved.expect("careaccess_locks_total", Map.of("realm", REALM, "kind", "link"), 1);
        moved.expect("careaccess_codes_checked_total", Map.of("realm", REALM, "audience", "patient", "outcome", "wrong"), 1);
        moved.expect("careaccess_codes_checked_total", Map.of("realm", REALM, "audience", "patient", "outcome", "accepted"), 1);
        moved.expect("careaccess_patient_sign_ins_total", Map.of("realm", REALM, "amr", "dob"), 2);
        moved.expect("careaccess_patient_sign_ins_total", Map.of("realm", REALM, "amr", "dob+sms"), 1);
        moved.expect("careaccess_patient_sign_ins_total", Map.of("realm", REALM), 3);

        moved.expect("careaccess_codes_checked_total", Map.of("realm", STAFF, "audience", "staff", "outcome", "accepted"), 2);
        moved.expect("careaccess_staff_sign_ins_total", Map.of("realm", STAFF, "first_factor", "password", "second_factor", "sms"), 2);
        moved.expect("careaccess_support_resets_total", Map.of("realm", STAFF, "outcome", "reset"), 1);
        moved.expect("careaccess_support_resets_total", Map.of("realm", STAFF, "outcome", "forbidden"), 1);

        moved.expect("careaccess_link_texts_total", Map.of("realm", REALM, "state", "queued", "reason", "none"), 3);
        moved.expect("careaccess_link_texts_total", Map.of("realm", REALM, "state", "sent", "reason", "none"), 2);
        moved.expect("careaccess_link_texts_total", Map.of("realm", REALM, "state", "failed", "reason", "rejected"), 1);
        moved.expect("careaccess_link_texts_total", Map.of("realm", REALM, "state", "delivered", "reason", "none"), 1);
        moved.expect("careaccess_link_texts_total", Map.of("realm", REALM, "state", "not_delivered", "reason", "permanent-failure"), 1);
        moved.expect("careaccess_link_texts_total", Map.of("realm", REALM), 8);

        // Texts: A's second device, E's two links, the staff enrolment and the staff sign-in went; D's and E's third failed.
        moved.expect("careaccess_sms_sent_total", Map.of("provider", "sns"), 5);
        moved.expect("careaccess_sms_failed_total", Map.of("provider", "sns", "reason", "unavailable"), 1);
        moved.expect("careaccess_sms_failed_total", Map.of("provider", "sns", "reason", "rejected"), 1);
        moved.expect("careaccess_sms_send_seconds_count", Map.of("provider", "sns", "outcome", "sent"), 5);
        moved.expect("careaccess_sms_send_seconds_count", Map.of("provider", "sns", "outcome", "failed"), 2);
        moved.expect("careaccess_sms_send_seconds_bucket", Map.of("provider", "sns", "outcome", "sent", "le", "+Inf"), 5);
        assertThat(after.value("careaccess_sms_send_seconds_sum", Map.of("provider", "sns", "outcome", "sent"))
                - before.value("careaccess_sms_send_seconds_sum", Map.of("provider", "sns", "outcome", "sent"))).isPositive();

        for (IssuedLink link : List.of(a, b, c, d)) {
            secrets.addAll(List.of(link.code(), link.id(), link.mobileE164(), link.mobileE164().substring(3)));
        }
        for (JsonNode link : texted) {
            secrets.addAll(List.of(link.path("code").asText(), link.path("id").asText()));
        }
        secrets.addAll(List.of(staffId, email, mobile, "SUP-8675309", "8675309", "900871", "metrics password"));
        assertNoLabelGivesAway(after, secrets);
        assertEveryMetricTheOperationsFilesUseIsExported(after);
    }

    private static void assertNoLabelGivesAway(PrometheusScrape scrape, List<String> secrets) {
        List<PrometheusScrape.Series> ours = scrape.seriesStartingWith("careaccess_");
        assertThat(ours).isNotEmpty();
        for (PrometheusScrape.Series series : ours) {
            series.labels().forEach((name, value) -> {
                if (name.equals("le")) {
                    return;
                }
                assertThat(value).as("%s label %s", series.name(), name).doesNotContainPattern("\\d{3,}").matches("[a-z0-9_+-]+");
                for (String secret : secrets) {
                    assertThat(value).as("%s label %s", series.name(), name).doesNotContain(secret);
                }
            });
        }
    }

    private static void assertEveryMetricTheOperationsFilesUseIsExported(PrometheusScrape scrape) {
        OperationsFiles files = new OperationsFiles(BuildPaths.path("careaccess.realm.config").getParent());
        Set<String> used = OperationsFiles.metricNames(files.queries());
        assertThat(used).hasSizeGreaterThanOrEqualTo(10);
        assertThat(scrape.names()).as("series on /metrics").containsAll(used);
    }

    /** A record CareAccess texts, for a new patient of this realm with a fresh number. */
    private static Map<String, Object> texted() {
        Map<String, Object> record = LinkIssuerApi.requestBody(BORN, TestPatients.nextMobile(), null);
        record.put("requestId", UUID.randomUUID().toString());
        record.put("send", true);
        return record;
    }

    /** GOV.UK Notify's delivery receipt for this link's text. */
    private static void receipt(JsonNode link, String status) {
        String messageId = DevDatabase.queryString("select MESSAGE_ID from CAREACCESS_LINK_TEXT where LINK_ID = ?", link.path("id").asText());
        NotifyStandIn.callback(CareAccessServer.server().realmUrl(REALM), CareAccessServer.NOTIFY_CALLBACK_TOKEN, messageId, status).expect(204);
    }

    private static OidcClient staffPortal() {
        return new OidcClient(CareAccessServer.server().realmUrl(STAFF), "staff-portal", CareAccessServer.STAFF_PORTAL_SECRET,
                CareAccessServer.STAFF_PORTAL_URL + "/callback");
    }

    /** Differences between two scrapes, with everything that moved in the failure message. */
    private record Moved(PrometheusScrape before, PrometheusScrape after) {

        void expect(String name, Map<String, String> labels, double delta) {
            assertThat(after.value(name, labels) - before.value(name, labels))
                    .as("%s%s moved; all that moved: %s", name, labels, after.movedSince(before, "careaccess_"))
                    .isEqualTo(delta);
        }
    }
}
