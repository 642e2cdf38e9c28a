package org.careaccess.cluster;

import static org.careaccess.cluster.ClusterNodes.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careaccess.cluster.ClusterNodes.nodeA;
import static org.careaccess.cluster.ClusterNodes.nodeB;
import static org.careaccess.cluster.ClusterNodes.routeTo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.careaccess.testkit.LinkIssuerApi;
import org.careaccess.testkit.PatientJourney;
import org.careaccess.testkit.SnsStandIn;
import org.careaccess.testkit.TestPatients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * 2,000 queued link texts drained by both nodes at the configured cluster-wide rate while node A is
 * killed mid-drain: every text is sent exactly once, or (at most the few node A was sending when it
 * died) marked {@code failed}/{@code unknown_outcome} and sent at most once.
 */
@ExtendWith(ClusterNodes.class)
class LinkTextDrainClusterIT {

    private static final int TEXTS = 2000;
    /** The patients realm allows 10 texts a day to one number: 8 links per number. */
    private static final int PER_NUMBER = 8;

    @Test
    void twoThousandTextsAreDrainedAtTheRateNoneLostNoneDoubledWhileANodeIsKilled() throws Exception {
        ClusterNodes.startStopped();
        routeTo(nodeB());
        LinkIssuerApi issuer = journey().issuer(PatientJourney.REALM);
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < TEXTS / PER_NUMBER; i++) {
            numbers.add(TestPatients.nextMobile());
        }
        int before = ClusterNodes.sns().published().size();
        Map<String, String> urlOfLink = new HashMap<>();
        Instant queued = Instant.now();
        for (int batch = 0; batch < TEXTS / 1000; batch++) {
            List<Map<String, Object>> records = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                Map<String, Object> record = LinkIssuerApi.requestBody(PatientJourney.BORN, numbers.get((batch * 1000 + i) / PER_NUMBER), null);
                record.put("requestId", UUID.randomUUID().toString());
                record.put("send", true);
                records.add(record);
            }
            JsonNode results = issuer.postBatch(records).expect(200).body().path("results");
            results.forEach(result -> {
                assertThat(result.path("status").asInt()).as(result.toString()).isEqualTo(201);
                urlOfLink.put(result.path("id").asText(), result.path("url").asText());
            });
        }
        System.out.printf("%d links with texts queued in %d ms%n", TEXTS, Duration.between(queued, Instant.now()).toMillis());

        awaitTexts(before + TEXTS / 4, Duration.ofMinutes(3));
        nodeA().kill();
        System.out.printf("node A killed after %d texts%n", ClusterNodes.sns().published().size() - before);
        Map<String, String> states = awaitAllSettled(urlOfLink.keySet(), Duration.ofMinutes(5));
        Duration drained = Duration.between(queued, Instant.now());
        // The sending ones were settled by their lease: the drain itself ended before.

        List<SnsStandIn.Publish> texts = ClusterNodes.sns().published().subList(before, ClusterNodes.sns().published().size());
        Map<String, Long> timesTexted = texts.stream().collect(Collectors.groupingBy(SnsStandIn.Publish::message, Collectors.counting()));
        Map<String, String> linkOfText = urlOfLink.entrySet().stream().collect(Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey));
        assertThat(timesTexted.values()).as("no text doubled").allMatch(count -> count == 1);
        Map<String, Long> stateCounts = states.values().stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        System.out.printf("drained in %d s: %s, %d texts at the stand-in%n", drained.toSeconds(), stateCounts, texts.size());
        for (Map.Entry<String, String> link : states.entrySet()) {
            String url = urlOfLink.get(link.getKey());
            long sent = texts.stream().filter(text -> text.message().endsWith(" " + url)).count();
            if (link.getValue().equals("sent")) {
                assertThat(sent).as("link " + link.getKey() + " sent").isEqualTo(1);
            } else {
                assertThat(link.getValue()).as("link " + link.getKey()).isEqualTo("failed/unknown_outcome");
                assertThat(sent).isLessThanOrEqualTo(1);
            }
        }
        assertThat(stateCounts.getOrDefault("failed/unknown_outcome", 0L)).as("texts node A was sending when killed").isLessThanOrEqualTo(3);
        assertThat(linkOfText).hasSize(TEXTS);
        // Never faster than the cluster-wide rate (a second's slack for the windows at either end).
        assertThat(drained.toSeconds()).isGreaterThanOrEqualTo(TEXTS / ClusterNodes.LINK_TEXTS_PER_SECOND - 2);
        ClusterNodes.startStopped();
    }

    private static void awaitTexts(int count, Duration within) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        while (ClusterNodes.sns().published().size() < count) {
            assertThat(Instant.now()).as("texts reached " + count).isBefore(deadline);
            Thread.sleep(200);
        }
    }

    /** Each link's text state ("sent", or "failed/reason"), read from the database once none is queued or sending. */
    private static Map<String, String> awaitAllSettled(java.util.Set<String> ids, Duration within) throws Exception {
        Instant deadline = Instant.now().plus(within);
        while (true) {
            Map<String, String> states = new HashMap<>();
            try (java.sql.Connection db = ClusterNodes.database().connect();
                 java.sql.ResultSet rows = db.createStatement().executeQuery("select LINK_ID, STATE, REASON from CAREACCESS_LINK_TEXT")) {
                while (rows.next()) {
                    if (ids.contains(rows.getString(1))) {
                        String state = rows.getString(2);
                        states.put(rows.getString(1), state.equals("failed") ? "failed/" + rows.getString(3) : state);
                    }
                }
            }
            assertThat(states).hasSize(ids.size());
            long open = states.values().stream().filter(state -> state.equals("queued") || state.equals("sending")).count();
            if (open == 0) {
                return states;
            }
            assertThat(Instant.now()).as(open + " texts still queued or sending").isBefore(deadline);
            Thread.sleep(1000);
        }
    }
}
