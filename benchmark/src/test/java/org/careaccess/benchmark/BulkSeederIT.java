package org.careaccess.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.stream.LongStream;

import org.careaccess.testkit.PostgresDatabase;
import org.junit.jupiter.api.Test;

/** Against the machine's PostgreSQL: a fresh database, a table, and rows copied in bulk. */
class BulkSeederIT {

    @Test
    void copiesAHundredThousandRowsIntoPostgresInSeconds() throws Exception {
        try (PostgresDatabase database = PostgresDatabase.createFresh("careaccess_seed_test");
             Connection db = database.connect()) {
            db.createStatement().execute("CREATE TABLE link (id VARCHAR(36) PRIMARY KEY, code_hash VARCHAR(64) NOT NULL, note TEXT, expires BIGINT)");
            long started = System.nanoTime();

            long copied = BulkSeeder.copy(db, "link", List.of("id", "code_hash", "note", "expires"),
                    LongStream.range(0, 100_000).mapToObj(i -> new Object[] {"link-" + i, Long.toHexString(i * 31), i % 2 == 0 ? null : "a\tb", i}));

            double seconds = (System.nanoTime() - started) / 1e9;
            assertThat(copied).isEqualTo(100_000);
            try (ResultSet count = db.createStatement().executeQuery("SELECT count(*), count(note), max(expires) FROM link")) {
                count.next();
                assertThat(count.getLong(1)).isEqualTo(100_000);
                assertThat(count.getLong(2)).isEqualTo(50_000);
                assertThat(count.getLong(3)).isEqualTo(99_999);
            }
            try (ResultSet tab = db.createStatement().executeQuery("SELECT note FROM link WHERE id = 'link-1'")) {
                tab.next();
                assertThat(tab.getString(1)).isEqualTo("a\tb");
            }
            assertThat(seconds).as("seconds for 100,000 rows").isLessThan(30);
            System.out.printf("COPY of 100,000 rows: %.2f s%n", seconds);
        }
    }

    @Test
    void aCopyWithoutIndexesLeavesEveryIndexAsItWasAndEnforcingUniqueness() throws Exception {
        try (PostgresDatabase database = PostgresDatabase.createFresh("careaccess_seed_test");
             Connection db = database.connect()) {
            db.createStatement().execute("CREATE TABLE link (id VARCHAR(36) PRIMARY KEY, realm VARCHAR(36), code_hash VARCHAR(64) NOT NULL, expires BIGINT)");
            db.createStatement().execute("CREATE UNIQUE INDEX uk_link_code ON link (code_hash)");
            db.createStatement().execute("CREATE INDEX idx_link_expires ON link (realm, expires)");
            List<String> before = indexes(db);

            long copied = BulkSeeder.copyWithoutIndexes(db, "link", List.of("id", "realm", "code_hash", "expires"),
                    LongStream.range(0, 50_000).mapToObj(i -> new Object[] {"link-" + i, "r", Long.toHexString(i * 31), i}));

            assertThat(copied).isEqualTo(50_000);
            assertThat(indexes(db)).isEqualTo(before).hasSize(3);
            assertThatThrownBy(() -> db.createStatement().execute("INSERT INTO link VALUES ('another', 'r', '" + Long.toHexString(31) + "', 1)"))
                    .hasMessageContaining("uk_link_code");
        }
    }

    private static List<String> indexes(Connection db) throws Exception {
        List<String> definitions = new java.util.ArrayList<>();
        try (ResultSet rows = db.createStatement().executeQuery("SELECT indexdef FROM pg_indexes WHERE tablename = 'link' ORDER BY indexname")) {
            while (rows.next()) {
                definitions.add(rows.getString(1));
            }
        }
        return definitions;
    }
}
