package org.careaccess.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class PurgeMeasurementTest {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    private static final long RETENTION_CUTOFF = NOW.minus(Duration.ofDays(30)).toEpochMilli();

    private static final int EXPIRES_AT = PurgeMeasurement.COLUMNS.indexOf("expires_at");
    private static final int REVOKED_AT = PurgeMeasurement.COLUMNS.indexOf("revoked_at");
    private static final int LOCKED_OUT_AT = PurgeMeasurement.COLUMNS.indexOf("locked_out_at");
    private static final int ENDS_AT = PurgeMeasurement.COLUMNS.indexOf("ends_at");

    private final List<Object[]> rows = PurgeMeasurement.rows("realm-1", 3000, 500, 100, NOW).toList();

    @Test
    void everyEndedLinkEndedMoreThanThirtyDaysAgoByItsOwnKindAndEndsAtSaysWhen() {
        List<Object[]> ended = rows.subList(0, 3000);
        assertThat(ended).allSatisfy(row -> {
            assertThat(row).hasSize(PurgeMeasurement.COLUMNS.size());
            assertThat((long) row[ENDS_AT]).isLessThan(RETENTION_CUTOFF);
        });
        assertThat(ended).filteredOn(row -> (long) row[EXPIRES_AT] < RETENTION_CUTOFF).hasSize(1000);
        assertThat(ended).filteredOn(row -> row[REVOKED_AT] != null).hasSize(1000)
                .allSatisfy(row -> assertThat(row[ENDS_AT]).isEqualTo(row[REVOKED_AT]));
        assertThat(ended).filteredOn(row -> row[LOCKED_OUT_AT] != null).hasSize(1000)
                .allSatisfy(row -> assertThat(row[ENDS_AT]).isEqualTo(row[LOCKED_OUT_AT]));
    }

    @Test
    void liveLinksAreLiveAndTheFirstBelongToUsersWithoutAnNhsNumber() {
        List<Object[]> live = rows.subList(3000, 3500);
        assertThat(live).allSatisfy(row -> assertThat((long) row[ENDS_AT]).isGreaterThan(NOW.toEpochMilli()));
        assertThat(live.subList(0, 10)).extracting(row -> row[2])
                .containsExactly(List.of(1, 3, 5, 7, 9, 11, 13, 15, 17, 19).stream().map(PurgeMeasurement::userId).toArray());
    }

    @Test
    void idsAndCodeHashesAreUnique() {
        Set<Object> ids = new HashSet<>();
        Set<Object> hashes = new HashSet<>();
        rows.forEach(row -> {
            ids.add(row[0]);
            hashes.add(row[3]);
        });
        assertThat(ids).hasSize(3500);
        assertThat(hashes).hasSize(3500);
        assertThat(PurgeMeasurement.userId(255)).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    }

    @Test
    void findsTheFirstPurgeThatDeletedSomething() {
        String log = """
                INFO careaccess-retention: purge of interval 1 on this node: 9 realms, 0 ended links and 0 patient users deleted in 3 ms
                INFO careaccess-retention: purge of interval 2 on this node: 9 realms, 1000000 ended links and 4000 patient users deleted in 81234 ms
                """;

        var run = PurgeMeasurement.purgeWithDeletions(log).orElseThrow();

        assertThat(run.group(1)).isEqualTo("1000000");
        assertThat(run.group(2)).isEqualTo("4000");
        assertThat(run.group(3)).isEqualTo("81234");
        assertThat(PurgeMeasurement.purgeWithDeletions(log.lines().findFirst().orElseThrow())).isEmpty();
    }

    @Test
    void aResultIsAsExpectedOnlyWhenEveryEndedLinkAndTheUnreachableUsersWent() {
        PurgeMeasurement.Result right = new PurgeMeasurement.Result(3000, 500, 100, 3000, 40, 2000, 500, 60, 1000, 500);
        assertThat(right.asExpected()).isTrue();
        assertThat(right.linksPerSecond()).isEqualTo(1500.0);
        assertThat(right.markdown()).contains("| 3000 | 500 | 100 | 3000 | 40 | 2.0 s | 1500 |", "| yes |");
        assertThat(new PurgeMeasurement.Result(3000, 500, 100, 2999, 40, 2000, 501, 60, 1000, 500).asExpected()).isFalse();
        assertThat(new PurgeMeasurement.Result(3000, 500, 100, 3000, 50, 2000, 500, 50, 1000, 500).asExpected()).isFalse();
    }
}
