package org.careaccess.benchmark;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.careaccess.testkit.LinkIssuerApi;
import org.careaccess.testkit.TestPatients;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issuing links in bulk (README, "Issuing links in bulk"): {@code links} links through
 * {@code POST links/batch} in batches of 1,000, half for patients who already exist (found by NHS
 * number), half for new patients, timed end to end from one caller; beside it {@code single} links by
 * single {@code POST links} calls, one after the other, for links per second. Nothing is texted. The
 * issuer client's request limit is lifted for the measurement.
 */
public final class BulkIssueMeasurement {

    public static final String ID = "7-bulk-issue";
    private static final int BATCH = 1000;
    private static final LocalDate BORN = LocalDate.of(1980, 1, 1);

    public record Result(int links, long batchMillis, int single, long singleMillis, long serverCpuMillis, long databaseCpuMillis, int failed) {

        double batchLinksPerSecond() {
            return links * 1000.0 / Math.max(1, batchMillis);
        }

        double singleLinksPerSecond() {
            return single * 1000.0 / Math.max(1, singleMillis);
        }

        public String markdown() {
            return String.format(Locale.ROOT, """
                    ## Issuing links in bulk (%s)

                    | links | in batches of %d: time | links/s | server CPU ms/link | PostgreSQL CPU ms/link | single POSTs | links/s | records refused |
                    |---|---|---|---|---|---|---|---|
                    | %,d (half existing patients by NHS number, half new) | %.1f s | %.0f | %.2f | %.2f | %,d | %.0f | %d |
                    """, ID, BATCH, links, batchMillis / 1000.0, batchLinksPerSecond(), serverCpuMillis / (double) links,
                    databaseCpuMillis / (double) links, single, singleLinksPerSecond(), failed);
        }
    }

    private BulkIssueMeasurement() {
    }

    public static Result run(BenchmarkServer server, String realm, int links, int single) {
        String secret = issuerSecret(server, realm);
        // The issuer client's request limit (100 a second by default) would measure itself, not issuing.
        com.fasterxml.jackson.databind.node.ObjectNode settings = (com.fasterxml.jackson.databind.node.ObjectNode)
                server.admin().get("/realms/" + realm).expect(200).body();
        ((com.fasterxml.jackson.databind.node.ObjectNode) settings.with("attributes")).put("careaccess.issuer.requestsPerSecond", "1000000");
        server.admin().put("/realms/" + realm, settings).expect(204);
        LinkIssuerApi issuer = LinkIssuerApi.signIn(server.url(), realm, secret);
        // The existing half: patients made first, by single POSTs (also the single-POST measurement).
        String mobile = TestPatients.nextMobile();
        List<String> existing = new ArrayList<>();
        long singleBegan = System.nanoTime();
        for (int i = 0; i < Math.max(single, links / 2); i++) {
            String nhsNumber = TestPatients.nextNhsNumber();
            issuer.post(LinkIssuerApi.requestBody(BORN, mobile, nhsNumber)).expect(201);
            existing.add(nhsNumber);
            if (i + 1 == single) {
                singleBegan = System.nanoTime() - singleBegan;
            }
        }
        long singleMillis = Duration.ofNanos(singleBegan).toMillis();
        analyze(server);

        long cpuBefore = CpuClock.processMillis(server.keycloak().pid());
        long databaseBefore = CpuClock.postgresMillis();
        long began = System.nanoTime();
        int failed = 0;
        for (int from = 0; from < links; from += BATCH) {
            List<Map<String, Object>> records = new ArrayList<>();
            for (int i = from; i < Math.min(links, from + BATCH); i++) {
                // Every other record an existing patient, the others new (with an NHS number of their own).
                String nhsNumber = i % 2 == 0 && i / 2 < existing.size() ? existing.get(i / 2) : TestPatients.nextNhsNumber();
                Map<String, Object> record = LinkIssuerApi.requestBody(BORN, mobile, nhsNumber);
                record.put("requestId", UUID.randomUUID().toString());
                records.add(record);
            }
            JsonNode results = issuer.postBatch(records).expect(200).body().path("results");
            for (JsonNode result : results) {
                if (result.path("status").asInt() != 201) {
                    failed++;
                }
            }
        }
        long batchMillis = Duration.ofNanos(System.nanoTime() - began).toMillis();
        long cpu = CpuClock.processMillis(server.keycloak().pid()) - cpuBefore;
        long databaseCpu = CpuClock.postgresMillis() - databaseBefore;
        return new Result(links, batchMillis, single, singleMillis, cpu, databaseCpu, failed);
    }

    /**
     * Statistics for the tables the single POSTs grew from empty, as PostgreSQL's autovacuum would
     * gather them on a production server; a database with autovacuum off (as the build machine's is)
     * would otherwise plan the batches' queries for empty tables.
     */
    private static void analyze(BenchmarkServer server) {
        try (java.sql.Connection db = server.database().connect(); java.sql.Statement analyze = db.createStatement()) {
            analyze.execute("ANALYZE");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("ANALYZE failed", e);
        }
    }

    /** The realm's issuer client's secret, set anew through the admin API (the realm file's is a placeholder here). */
    private static String issuerSecret(BenchmarkServer server, String realm) {
        String id = server.admin().get("/realms/" + realm + "/clients?clientId=" + LinkIssuerApi.CLIENT_ID).expect(200).body().get(0)
                .path("id").asText();
        return server.admin().post("/realms/" + realm + "/clients/" + id + "/client-secret", Map.of()).expect(200).body()
                .path("value").asText();
    }
}
