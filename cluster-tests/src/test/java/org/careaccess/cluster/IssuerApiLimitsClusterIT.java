package org.careaccess.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careaccess.cluster.ClusterNodes.admin;
import static org.careaccess.cluster.ClusterNodes.journey;
import static org.careaccess.cluster.ClusterNodes.nodeA;
import static org.careaccess.cluster.ClusterNodes.nodeB;
import static org.careaccess.testkit.PatientJourney.BORN;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.careaccess.testkit.JsonApi;
import org.careaccess.testkit.LinkIssuerApi;
import org.careaccess.testkit.Parallel;
import org.careaccess.testkit.PatientJourney;
import org.careaccess.testkit.TestPatients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The issuer API's limits per issuer client are the cluster's: a burst split over both nodes gets
 * no more than either limit allows, not twice it.
 */
@ExtendWith(ClusterNodes.class)
class IssuerApiLimitsClusterIT {

    private static final String FIVE_A_SECOND = "cluster-issuer-five-a-second";
    private static final String MISMATCHES = "cluster-issuer-mismatches";

    @BeforeAll
    static void realms() {
        journey().createRealmCopy(FIVE_A_SECOND, Map.of());
        ObjectNode attributes = (ObjectNode) admin().get("/realms/" + FIVE_A_SECOND).expect(200).body().path("attributes");
        attributes.put("careaccess.issuer.requestsPerSecond", "5");
        admin().put("/realms/" + FIVE_A_SECOND, Map.of("attributes", attributes)).expect(204);
        journey().createRealmCopy(MISMATCHES, Map.of());
    }

    @AfterAll
    static void deleteRealms() {
        admin().delete("/realms/" + FIVE_A_SECOND);
        admin().delete("/realms/" + MISMATCHES);
    }

    @Test
    void aBurstSplitOverBothNodesGetsNoMoreThanFiveASecondAnswered() throws InterruptedException {
        List<LinkIssuerApi> issuers = bothNodes(FIVE_A_SECOND);
        // Cheap calls (an unknown link's status), started just after a second begins, mostly end
        // within that second: counted per node, 10 would be answered in it; cluster-wide, 5.
        Thread.sleep(1000 - System.currentTimeMillis() % 1000 + 20);

        long firstSecond = Instant.now().getEpochSecond();
        List<JsonApi.Answer> answers = Parallel.run(30, i -> issuers.get(i % 2).status(UUID.randomUUID().toString()));
        long seconds = Instant.now().getEpochSecond() - firstSecond + 1;

        int answered = count(answers, 404);
        System.out.printf("30 parallel calls over two nodes at 5 a second: %d answered, %d refused over %d second(s)%n",
                answered, count(answers, 429), seconds);
        assertThat(answered + count(answers, 429)).isEqualTo(30);
        assertThat(answered).isBetween(1, (int) (5 * seconds));
    }

    @Test
    void thirtyMismatchingBirthDatesSplitOverBothNodesGetTwentyConflicts() {
        List<LinkIssuerApi> issuers = bothNodes(MISMATCHES);
        String nhsNumber = TestPatients.nextNhsNumber();
        issuers.get(0).issue(BORN, TestPatients.nextMobile(), nhsNumber);

        List<JsonApi.Answer> answers = Parallel.run(30,
                i -> issuers.get(i % 2).post(LinkIssuerApi.requestBody(BORN.minusDays(1 + i), TestPatients.nextMobile(), nhsNumber)));

        assertThat(count(answers, 409)).isEqualTo(20);
        assertThat(count(answers, 429)).isEqualTo(10);
    }

    /** The realm's issuer client, calling node A and node B directly (not through the front). */
    private static List<LinkIssuerApi> bothNodes(String realm) {
        return List.of(LinkIssuerApi.signIn(nodeA().url(), realm, ClusterNodes.ISSUER_SECRET),
                LinkIssuerApi.signIn(nodeB().url(), realm, ClusterNodes.ISSUER_SECRET));
    }

    private static int count(List<JsonApi.Answer> answers, int status) {
        return (int) answers.stream().filter(answer -> answer.status() == status).count();
    }
}
