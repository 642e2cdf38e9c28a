package org.careaccess.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.careaccess.keycloak.secrets.Secrets;
import org.careaccess.testkit.TestPatients;

/**
 * The retention purge on a large store: {@code ended} links that ended more than 30 days ago
 * (a third each expired, revoked, locked for good, each bound to a device), {@code live} live
 * links, and {@code users} patient users written straight into Keycloak's tables (half with an NHS
 * number; a fifth of those without one also hold a live link). The server's own purge (its interval
 * shortened with {@code --spi-careaccess-retention--default--interval}) then deletes them; the
 * time and counts come from its log line, and the rows left are checked against what should stay.
 * Links of patients without a user row stand for patients deleted by other means: the purge looks
 * each of them up and finds nobody.
 */
public final class PurgeMeasurement {

    public static final String ID = "6-purge-ended-links";

    static final List<String> COLUMNS = Stream.concat(LinkSeeder.COLUMNS.stream(), Stream.of("locked_out_at")).toList();
    private static final Duration ENDED_BEFORE = Duration.ofDays(31);
    private static final Pattern RUN = Pattern.compile(
            "purge of interval \\d+ on this node: \\d+ realms, (\\d+) ended links and (\\d+) patient users deleted in (\\d+) ms");
    private static final String USER_PREFIX = "00000000-0000-5eed-";

    /** What was seeded, what the purge reported, and what was left. */
    public record Result(long ended, long live, int users, long linksDeleted, long usersDeleted, long millis,
                         long linksLeft, long usersLeft, long serverCpuMillis, long databaseCpuMillis) {

        double linksPerSecond() {
            return millis == 0 ? 0 : linksDeleted * 1000.0 / millis;
        }

        /** Patient users the purge should delete: those without NHS number (odd) and without a live link. */
        long usersExpectedDeleted() {
            return users / 2 - usersWithLiveLink(users);
        }

        public String markdown() {
            return String.format(Locale.ROOT, """
                    ## Retention purge (%s)

                    | ended links | live links | patient users | links deleted | users deleted | time | links/s | server CPU s | PostgreSQL CPU s | left: links, users | as expected |
                    | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |
                    | %d | %d | %d | %d | %d | %.1f s | %.0f | %.1f | %.1f | %d, %d | %s |

                    Ended links: a third each expired, revoked and locked for good more than 30 days ago, each bound to a device; \
                    batches of 1,000, each its own transaction. Users: half with an NHS number (kept), and a fifth of the others \
                    with a live link too (kept); the rest deleted through Keycloak's UserManager. Links of patients without a user \
                    row are looked up and skipped. CPU from the end of seeding until the purge's log line (the server is otherwise idle).
                    """, ID, ended, live, users, linksDeleted, usersDeleted, millis / 1000.0, linksPerSecond(), serverCpuMillis / 1000.0,
                    databaseCpuMillis / 1000.0, linksLeft, usersLeft, asExpected() ? "yes" : "NO");
        }

        boolean asExpected() {
            return linksDeleted == ended && linksLeft == live && usersDeleted == usersExpectedDeleted() && usersLeft == users - usersDeleted;
        }
    }

    private PurgeMeasurement() {
    }

    public static Result run(BenchmarkServer server, String realm, long ended, long live, int users, Duration timeout) throws Exception {
        String realmId = server.admin().get("/realms/" + realm).expect(200).body().path("id").asText();
        Instant now = Instant.now();
        int logFrom = server.keycloak().log().length();
        try (Connection db = server.database().connect()) {
            BulkSeeder.copy(db, "user_entity", List.of("id", "realm_id", "username", "enabled", "email_verified", "created_timestamp", "not_before"),
                    LongStream.range(0, users).mapToObj(i -> new Object[] {userId(i), realmId, "patient-" + userId(i), "t", "f", now.toEpochMilli(), 0}));
            BulkSeeder.copy(db, "user_attribute", List.of("id", "name", "value", "user_id"),
                    LongStream.range(0, users).filter(i -> i % 2 == 0)
                            .mapToObj(i -> new Object[] {UUID.randomUUID().toString(), "nhs_number", TestPatients.nextNhsNumber(), userId(i)}));
            BulkSeeder.copy(db, LinkSeeder.TABLE, COLUMNS, rows(realmId, ended, live, users, now));
            try (Statement analyze = db.createStatement()) {
                analyze.execute("ANALYZE " + LinkSeeder.TABLE);
                analyze.execute("ANALYZE user_entity");
            }
        }
        System.out.printf("seeded %d ended and %d live links, %d patient users in %d s; waiting for the purge%n", ended, live, users,
                Duration.between(now, Instant.now()).toSeconds());
        long serverCpu = CpuClock.processMillis(server.keycloak().pid());
        long databaseCpu = CpuClock.postgresMillis();
        Matcher run = awaitPurge(server, logFrom, timeout);
        serverCpu = CpuClock.processMillis(server.keycloak().pid()) - serverCpu;
        databaseCpu = CpuClock.postgresMillis() - databaseCpu;
        try (Connection db = server.database().connect()) {
            return new Result(ended, live, users, Long.parseLong(run.group(1)), Long.parseLong(run.group(2)), Long.parseLong(run.group(3)),
                    count(db, "SELECT count(*) FROM " + LinkSeeder.TABLE + " WHERE realm_id = ?", realmId),
                    count(db, "SELECT count(*) FROM user_entity WHERE realm_id = ? AND id LIKE '" + USER_PREFIX + "%'", realmId),
                    serverCpu, databaseCpu);
        }
    }

    /** The first purge after seeding that deleted something. */
    private static Matcher awaitPurge(BenchmarkServer server, int logFrom, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            Optional<Matcher> run = purgeWithDeletions(server.keycloak().log().substring(logFrom));
            if (run.isPresent()) {
                return run.get();
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("no purge deleted anything within " + timeout + ":\n" + server.keycloak().logTail(40));
    }

    static Optional<Matcher> purgeWithDeletions(String log) {
        Matcher run = RUN.matcher(log);
        while (run.find()) {
            if (Long.parseLong(run.group(1)) > 0) {
                return Optional.of(run);
            }
        }
        return Optional.empty();
    }

    /**
     * Ended links first (patient {@code i} for link {@code i} while {@code i < users}, else a patient
     * with no user row), each kind ending at its own moment a second apart, so ENDS_AT is spread as
     * in a store used for months; then the live links, the first of them held by users without an
     * NHS number.
     */
    static Stream<Object[]> rows(String realmId, long ended, long live, int users, Instant now) {
        long cutoff = now.minus(ENDED_BEFORE).toEpochMilli();
        Stream<Object[]> endedRows = LongStream.range(0, ended).mapToObj(i -> {
            long end = cutoff - i * 1000;
            String user = i < users ? userId(i) : missingUserId(i);
            String device = Secrets.sha256Hex("purge device " + i);
            return switch ((int) (i % 3)) {
                // Expired: issued 30 days before it ended.
                case 0 -> link(new UUID(0xe4dedL, i).toString(), realmId, user, device, end - Duration.ofDays(30).toMillis(), end, null, null);
                // Revoked a day after issue; it would have expired within the retention period.
                case 1 -> link(new UUID(0xe4dedL, i).toString(), realmId, user, device, end - Duration.ofDays(1).toMillis(), end + Duration.ofDays(29).toMillis(), end, null);
                // Locked for good two hours after issue.
                default -> link(new UUID(0xe4dedL, i).toString(), realmId, user, device, end - Duration.ofHours(2).toMillis(), end + Duration.ofDays(29).toMillis(), null, end);
            };
        });
        long withUser = usersWithLiveLink(users);
        Stream<Object[]> liveRows = LongStream.range(0, live).mapToObj(i -> {
            String user = i < withUser ? userId(2 * i + 1) : missingUserId(ended + i);
            long created = now.toEpochMilli() - i * 1000;
            return link(new UUID(0x11feL, i).toString(), realmId, user, Secrets.sha256Hex("purge live device " + i), created, created + Duration.ofDays(30).toMillis(), null, null);
        });
        return Stream.concat(endedRows, liveRows);
    }

    /** Users without an NHS number are the odd ones; a fifth of them hold a live link too. */
    static long usersWithLiveLink(int users) {
        return users / 10;
    }

    /** A row in {@link #COLUMNS} order; ENDS_AT the earliest of its expiry, revocation and lock, as the server keeps it. */
    static Object[] link(String id, String realmId, String userId, String deviceHash, long created, long expires, Long revoked, Long lockedOut) {
        long ends = Math.min(expires, Math.min(revoked == null ? Long.MAX_VALUE : revoked, lockedOut == null ? Long.MAX_VALUE : lockedOut));
        return new Object[] {id, realmId, userId, Secrets.sha256Hex("purge link " + id), "questionnaire", "q-123", "+447700900000",
                "benchmark", created, expires, revoked, deviceHash, created, "sms", ends, lockedOut};
    }

    static String userId(long i) {
        return USER_PREFIX + String.format(Locale.ROOT, "%04x-%012x", (i >>> 48) & 0xffff, i & 0xffffffffffffL);
    }

    private static String missingUserId(long i) {
        return new UUID(0x90e5L, i).toString();
    }

    private static long count(Connection db, String sql, String realmId) throws SQLException {
        try (PreparedStatement select = db.prepareStatement(sql)) {
            select.setString(1, realmId);
            try (ResultSet result = select.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
