package org.careaccess.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careaccess.cluster.ClusterNodes.admin;
import static org.careaccess.cluster.ClusterNodes.database;
import static org.careaccess.cluster.ClusterNodes.journey;
import static org.careaccess.cluster.ClusterNodes.nodeA;
import static org.careaccess.testkit.PatientJourney.BORN;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.careaccess.testkit.LinkIssuerApi;
import org.careaccess.testkit.TestPatients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A batch issues its records many to a transaction. When the database refuses one record's link,
 * the rest of its transaction must not be lost, answered twice or left claimed: the records are
 * issued again one by one, and a retry with the same requestIds finds exactly what was issued.
 */
@ExtendWith(ClusterNodes.class)
class BatchIssuingClusterIT {

    private static final String REALM = "cluster-batch-refused";
    /** Links for this resource are refused by a trigger, as a full disk or a broken constraint would refuse them. */
    private static final String REFUSED = "refused-by-the-database";
    private static final int RECORDS = 120;
    private static final int REFUSED_INDEX = 60;

    @BeforeAll
    static void realm() throws SQLException {
        journey().createRealmCopy(REALM, Map.of());
        sql("CREATE OR REPLACE FUNCTION careaccess_test_refuse() RETURNS trigger AS $$ BEGIN "
                + "IF NEW.resource_ref = '" + REFUSED + "' THEN RAISE EXCEPTION 'refused by the test'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql");
        sql("CREATE TRIGGER careaccess_test_refuse BEFORE INSERT ON careaccess_patient_link FOR EACH ROW EXECUTE FUNCTION careaccess_test_refuse()");
    }

    @AfterAll
    static void cleanUp() throws SQLException {
        sql("DROP TRIGGER IF EXISTS careaccess_test_refuse ON careaccess_patient_link");
        sql("DROP FUNCTION IF EXISTS careaccess_test_refuse()");
        admin().delete("/realms/" + REALM);
    }

    @Test
    void aRecordTheDatabaseRefusesSpoilsNoneOfItsTransactionAndARetryIssuesNothingTwice() throws SQLException {
        LinkIssuerApi issuer = LinkIssuerApi.signIn(nodeA().url(), REALM, ClusterNodes.ISSUER_SECRET);
        List<Map<String, Object>> records = new ArrayList<>();
        String mobile = TestPatients.nextMobile();
        for (int i = 0; i < RECORDS; i++) {
            Map<String, Object> record = LinkIssuerApi.requestBody(BORN, mobile, TestPatients.nextNhsNumber());
            record.put("requestId", UUID.randomUUID().toString());
            if (i == REFUSED_INDEX) {
                record.put("resource", REFUSED);
            }
            records.add(record);
        }

        JsonNode first = issuer.postBatch(records).expect(200).body().path("results");
        assertThat(statuses(first)).containsOnlyKeys(201, 503).containsEntry(201, RECORDS - 1).containsEntry(503, 1);
        assertThat(first.get(REFUSED_INDEX).path("status").asInt()).isEqualTo(503);
        assertThat(first.get(REFUSED_INDEX).path("error").asText()).isEqualTo("unavailable");
        assertThat(linksAndPatients()).containsExactly(RECORDS - 1L, RECORDS - 1L);

        // Retried at once: nothing is claimed by the transaction that was rolled back.
        JsonNode retried = issuer.postBatch(records).expect(200).body().path("results");
        assertThat(statuses(retried)).containsEntry(200, RECORDS - 1).containsEntry(503, 1);
        for (int i = 0; i < RECORDS; i++) {
            if (i != REFUSED_INDEX) {
                assertThat(retried.get(i).path("id").asText()).as("record %d", i).isEqualTo(first.get(i).path("id").asText());
                assertThat(retried.get(i).path("code").asText()).as("record %d", i).isEqualTo(first.get(i).path("code").asText());
            }
        }

        sql("DROP TRIGGER careaccess_test_refuse ON careaccess_patient_link");
        JsonNode mended = issuer.postBatch(records).expect(200).body().path("results");
        assertThat(statuses(mended)).containsEntry(200, RECORDS - 1).containsEntry(201, 1);
        assertThat(linksAndPatients()).containsExactly((long) RECORDS, (long) RECORDS);
    }

    private static Map<Integer, Integer> statuses(JsonNode results) {
        assertThat(results).hasSize(RECORDS);
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        for (JsonNode result : results) {
            statuses.merge(result.path("status").asInt(), 1, Integer::sum);
        }
        return statuses;
    }

    /** The realm's links and its patient users, from the database: a rolled-back transaction leaves neither. */
    private static List<Long> linksAndPatients() throws SQLException {
        try (Connection connection = database().connect();
             PreparedStatement statement = connection.prepareStatement("SELECT "
                     + "(SELECT count(*) FROM careaccess_patient_link l JOIN realm r ON r.id = l.realm_id WHERE r.name = ?), "
                     + "(SELECT count(*) FROM user_entity u JOIN realm r ON r.id = u.realm_id WHERE r.name = ? AND u.username LIKE 'patient-%')")) {
            statement.setString(1, REALM);
            statement.setString(2, REALM);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return List.of(rows.getLong(1), rows.getLong(2));
            }
        }
    }

    private static void sql(String sql) throws SQLException {
        try (Connection connection = database().connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
