package org.careaccess.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careaccess.cluster.ClusterNodes.admin;
import static org.careaccess.cluster.ClusterNodes.journey;
import static org.careaccess.cluster.ClusterNodes.nodeA;
import static org.careaccess.cluster.ClusterNodes.nodeB;
import static org.careaccess.testkit.PatientJourney.BORN;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.careaccess.testkit.KeycloakServer;
import org.careaccess.testkit.LinkIssuerApi;
import org.careaccess.testkit.PatientJourney;
import org.careaccess.testkit.TestPatients;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The retention purge on the two-node cluster: ended links (expired, revoked, locked for good) go
 * with their trusted device once the realm's retention period has passed since they ended, live
 * and recently ended ones stay; patients left with no link and no NHS number go, the others stay;
 * and each interval's purge runs on exactly one node, as both nodes' logs show. Time passes by
 * moving a link's moments back in the database, as if it had been issued that long ago.
 */
@ExtendWith(ClusterNodes.class)
class DataRetentionClusterIT {

    /** The default retention period, 30 days. */
    private static final String THIRTY_DAYS = "cluster-retention-default";
    /** Retention 0: ended links go at the next purge. */
    private static final String AT_ONCE = "cluster-retention-zero";
    private static final Pattern RAN = Pattern.compile("careaccess-retention: purge of interval (\\d+) on this node");
    private static final Pattern SKIPPED = Pattern.compile("careaccess-retention: interval (\\d+) already purged by another node");

    @BeforeAll
    static void realms() {
        // One wrong date of birth locks a link for good, so a test can lock one through the flow.
        Map<String, Map<String, String>> lockAtOnce = Map.of("careaccess date of birth", Map.of("dateOfBirthMaxWrongDatesPerLink", "1"));
        journey().createRealmCopy(THIRTY_DAYS, lockAtOnce);
        journey().createRealmCopy(AT_ONCE, lockAtOnce);
        ObjectNode realm = (ObjectNode) admin().get("/realms/" + AT_ONCE).expect(200).body();
        realm.withObject("/attributes").put("careaccess.link.retentionDays", "0");
        admin().put("/realms/" + AT_ONCE, realm).expect(204);
    }

    @Test
    void endedLinksGoAfterTheRetentionPeriodWithTheirDeviceAndLiveOnesStay() throws SQLException {
        LinkIssuerApi.IssuedLink expiredLongAgo = withDevice(journey().newLink(THIRTY_DAYS));
        LinkIssuerApi.IssuedLink revokedLongAgo = revoked(withDevice(journey().newLink(THIRTY_DAYS)));
        LinkIssuerApi.IssuedLink lockedLongAgo = lockedForGood(journey().newLink(THIRTY_DAYS));
        LinkIssuerApi.IssuedLink expiredRecently = journey().newLink(THIRTY_DAYS);
        LinkIssuerApi.IssuedLink revokedJustNow = revoked(journey().newLink(THIRTY_DAYS));
        LinkIssuerApi.IssuedLink lockedJustNow = lockedForGood(journey().newLink(THIRTY_DAYS));
        LinkIssuerApi.IssuedLink liveForWeeks = withDevice(journey().newLink(THIRTY_DAYS));
        // Issued 30 days each: expired 31 days ago, and ended 31 days ago (revoked or locked, then 61 days pass).
        moveBack(expiredLongAgo, Duration.ofDays(61));
        moveBack(revokedLongAgo, Duration.ofDays(31));
        moveBack(lockedLongAgo, Duration.ofDays(31));
        moveBack(expiredRecently, Duration.ofDays(40));
        moveBack(liveForWeeks, Duration.ofDays(20));

        awaitAPurgeThatStartedAfter(Instant.now());

        assertThat(List.of(expiredLongAgo, revokedLongAgo, lockedLongAgo)).as("ended more than 30 days ago").noneMatch(DataRetentionClusterIT::stored);
        assertThat(List.of(expiredRecently, revokedJustNow, lockedJustNow, liveForWeeks)).as("live, or ended within 30 days").allMatch(DataRetentionClusterIT::stored);
        assertThat(journey().issuer(THIRTY_DAYS).status(revokedLongAgo.id()).status()).as("the issuer API").isEqualTo(404);
        assertThat(devicesBoundTo(List.of(expiredLongAgo, revokedLongAgo))).as("trusted devices of purged links").isZero();
        assertThat(devicesBoundTo(List.of(liveForWeeks))).isEqualTo(1);
    }

    @Test
    void withRetentionZeroALinkRevokedJustNowGoesAtTheNextPurge() throws SQLException {
        LinkIssuerApi.IssuedLink revokedJustNow = revoked(withDevice(journey().newLink(AT_ONCE)));
        LinkIssuerApi.IssuedLink lockedJustNow = lockedForGood(journey().newLink(AT_ONCE));
        LinkIssuerApi.IssuedLink live = withDevice(journey().newLink(AT_ONCE));

        awaitAPurgeThatStartedAfter(Instant.now());

        assertThat(stored(revokedJustNow)).isFalse();
        assertThat(stored(lockedJustNow)).isFalse();
        assertThat(stored(live)).isTrue();
        PatientJourney.expectPage(journey().open(ClusterNodes.browser(), revokedJustNow), "link-invalid");
    }

    @Test
    void patientsLeftWithNoLinkAndNoNhsNumberGoAndTheOthersStay() {
        LinkIssuerApi.IssuedLink withoutNhsNumber = withDevice(journey().newLink(AT_ONCE));
        LinkIssuerApi.IssuedLink withNhsNumber = journey().issuer(AT_ONCE).issue(BORN, TestPatients.nextMobile(), TestPatients.nextNhsNumber());
        // A patient whose NHS number an admin removed, with one ended link and one live one.
        String nhsNumber = TestPatients.nextNhsNumber();
        LinkIssuerApi.IssuedLink endedOfTwo = journey().issuer(AT_ONCE).issue(BORN, TestPatients.nextMobile(), nhsNumber);
        LinkIssuerApi.IssuedLink liveOfTwo = journey().issuer(AT_ONCE).issue(BORN, TestPatients.nextMobile(), nhsNumber);
        String leftWithALiveLink = patientOf(endedOfTwo);
        assertThat(patientOf(liveOfTwo)).isEqualTo(leftWithALiveLink);
        removeNhsNumber(leftWithALiveLink);
        String leftWithNothing = patientOf(withoutNhsNumber);
        String keptForNhsNumber = patientOf(withNhsNumber);
        for (LinkIssuerApi.IssuedLink link : List.of(withoutNhsNumber, withNhsNumber, endedOfTwo)) {
            revoked(link);
        }

        awaitAPurgeThatStartedAfter(Instant.now());

        assertThat(List.of(withoutNhsNumber, withNhsNumber, endedOfTwo)).noneMatch(DataRetentionClusterIT::stored);
        assertThat(stored(liveOfTwo)).isTrue();
        assertThat(admin().get(user(leftWithNothing)).status()).as("no link, no NHS number: deleted").isEqualTo(404);
        assertThat(admin().get(user(keptForNhsNumber)).status()).as("an NHS number: kept").isEqualTo(200);
        assertThat(admin().get(user(leftWithALiveLink)).status()).as("a live link: kept").isEqualTo(200);
    }

    @Test
    void eachIntervalIsPurgedByOneNodeOnlyWhileBothNodesTry() {
        awaitAPurgeThatStartedAfter(Instant.now().plusSeconds(ClusterNodes.RETENTION_INTERVAL_SECONDS * 3L));

        List<Long> ranOnA = intervals(RAN, nodeA());
        List<Long> ranOnB = intervals(RAN, nodeB());
        List<Long> ran = new ArrayList<>(ranOnA);
        ran.addAll(ranOnB);
        assertThat(ran).as("intervals purged, by either node (A: %s, B: %s)", ranOnA, ranOnB).doesNotHaveDuplicates();
        // A node's timer fires once or twice in each interval, as does the other's: the later one finds it claimed.
        Set<Long> ranOnATriedOnB = new TreeSet<>(ranOnA);
        ranOnATriedOnB.retainAll(intervals(SKIPPED, nodeB()));
        Set<Long> ranOnBTriedOnA = new TreeSet<>(ranOnB);
        ranOnBTriedOnA.retainAll(intervals(SKIPPED, nodeA()));
        assertThat(ranOnATriedOnB.size() + ranOnBTriedOnA.size())
                .as("intervals one node purged while the other's timer fired too and skipped (A ran, B skipped: %s; B ran, A skipped: %s)",
                        ranOnATriedOnB, ranOnBTriedOnA)
                .isGreaterThanOrEqualTo(3);
    }

    /** Opens the link on a first device, which binds it as the link's trusted device. */
    private static LinkIssuerApi.IssuedLink withDevice(LinkIssuerApi.IssuedLink link) {
        journey().signedInFirstDevice(link);
        return link;
    }

    private static LinkIssuerApi.IssuedLink revoked(LinkIssuerApi.IssuedLink link) {
        journey().issuer(link.realm()).revoke(link.id()).expect(204);
        return link;
    }

    /** One wrong date of birth, which locks the link for good in these realms. */
    private static LinkIssuerApi.IssuedLink lockedForGood(LinkIssuerApi.IssuedLink link) {
        PatientJourney.expectPage(PatientJourney.enterDateOfBirth(journey().open(ClusterNodes.browser(), link), BORN.minusDays(1)),
                "link-locked");
        assertThat(journey().issuer(link.realm()).status(link.id()).expect(200).body().path("status").asText()).isEqualTo("locked");
        return link;
    }

    /** As if the link had been issued (and revoked, locked, bound) that much earlier. */
    private static void moveBack(LinkIssuerApi.IssuedLink link, Duration by) throws SQLException {
        long millis = by.toMillis();
        try (Connection db = ClusterNodes.database().connect();
             PreparedStatement update = db.prepareStatement("UPDATE careaccess_patient_link SET created_at = created_at - ?,"
                     + " expires_at = expires_at - ?, ends_at = ends_at - ?, revoked_at = revoked_at - ?, locked_out_at = locked_out_at - ?,"
                     + " device_bound_at = device_bound_at - ? WHERE id = ?")) {
            for (int i = 1; i <= 6; i++) {
                update.setLong(i, millis);
            }
            update.setString(7, link.id());
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    private static boolean stored(LinkIssuerApi.IssuedLink link) {
        try (Connection db = ClusterNodes.database().connect();
             PreparedStatement select = db.prepareStatement("SELECT count(*) FROM careaccess_patient_link WHERE id = ?")) {
            select.setString(1, link.id());
            try (ResultSet count = select.executeQuery()) {
                count.next();
                return count.getInt(1) == 1;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rows that trust the devices these links were opened on (each link's own device hash). */
    private static int devicesBoundTo(List<LinkIssuerApi.IssuedLink> links) throws SQLException {
        int bound = 0;
        try (Connection db = ClusterNodes.database().connect();
             PreparedStatement select = db.prepareStatement("SELECT count(*) FROM careaccess_patient_link WHERE id = ? AND device_hash IS NOT NULL")) {
            for (LinkIssuerApi.IssuedLink link : links) {
                select.setString(1, link.id());
                try (ResultSet count = select.executeQuery()) {
                    count.next();
                    bound += count.getInt(1);
                }
            }
        }
        return bound;
    }

    private static String patientOf(LinkIssuerApi.IssuedLink link) {
        return journey().issuer(link.realm()).status(link.id()).expect(200).body().path("patientId").asText();
    }

    private static String user(String id) {
        return "/realms/" + AT_ONCE + "/users/" + id;
    }

    private static void removeNhsNumber(String userId) {
        ObjectNode user = (ObjectNode) admin().get(user(userId)).expect(200).body();
        user.withObject("/attributes").putArray("nhs_number");
        admin().put(user(userId), user).expect(204);
    }

    /**
     * Waits (up to a minute) until a node logs a purge of an interval that began after this
     * moment, so the purge saw everything done before it.
     */
    private static void awaitAPurgeThatStartedAfter(Instant moment) {
        long firstWholeInterval = Math.floorDiv(moment.toEpochMilli(), ClusterNodes.RETENTION_INTERVAL_SECONDS * 1000L) + 1;
        Instant deadline = Instant.now().plusSeconds(60);
        while (!(finishedPurgeOf(nodeA(), firstWholeInterval) || finishedPurgeOf(nodeB(), firstWholeInterval))) {
            assertThat(Instant.now()).as("a purge of interval %d or later, in either node's log", firstWholeInterval).isBefore(deadline);
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The run line is logged at the end of a purge. */
    private static boolean finishedPurgeOf(KeycloakServer node, long fromInterval) {
        return intervals(RAN, node).stream().anyMatch(interval -> interval >= fromInterval);
    }

    /** Every interval this kind of line names in the node's log, once per line, in log order. */
    private static List<Long> intervals(Pattern line, KeycloakServer node) {
        List<Long> intervals = new ArrayList<>();
        Matcher matcher = line.matcher(node.log());
        while (matcher.find()) {
            intervals.add(Long.parseLong(matcher.group(1)));
        }
        return intervals;
    }
}
