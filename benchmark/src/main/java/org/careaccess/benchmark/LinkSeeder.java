package org.careaccess.benchmark;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.careaccess.keycloak.secrets.Secrets;

/**
 * Patient links written straight into CareAccess's table (CAREACCESS_PATIENT_LINK, see the
 * Liquibase changelog patient-links-changelog.xml) with {@link BulkSeeder}: the links the driver
 * opens, and as many filler links as the store should hold, spread among them. Codes are made and
 * hashed as {@code LinkCodes} does (16 base64url characters; the table keeps their SHA-256, hex),
 * so the seeded links open like issued ones.
 */
public final class LinkSeeder {

    static final String TABLE = "careaccess_patient_link";
    static final List<String> COLUMNS = List.of("id", "realm_id", "user_id", "code_hash", "purpose", "resource_ref", "mobile",
            "issued_by", "created_at", "expires_at", "revoked_at", "device_hash", "device_bound_at", "device_bound_by", "ends_at");
    public static final Duration LIFETIME = Duration.ofDays(30);

    /**
     * A link the driver opens: its code, its patient's id, the number its codes are texted to, and
     * the hash of the device cookie it trusts (null for none).
     */
    public record Link(String id, String code, String userId, String mobile, String deviceHash) {
    }

    private LinkSeeder() {
    }

    /** A link code as LinkCodes makes one: 12 random bytes, base64url without padding. */
    public static String newCode(Random random) {
        return base64Url(random, 12);
    }

    /** A CAREACCESS_DEVICE cookie value as TrustedDeviceCookie makes one: 32 random bytes, base64url (43 characters). */
    public static String newDeviceCookie(Random random) {
        return base64Url(random, 32);
    }

    /**
     * Copies the links into the table, with filler links up to {@code storeSize} rows for this
     * realm (other patients' links, each opened on some device), the opened links
     * spread evenly among them; then brings the planner's statistics up to date, as autovacuum
     * would for a store grown over months. Returns the rows copied.
     */
    public static long seed(Connection db, String realmId, List<Link> links, long storeSize, Instant now) throws SQLException {
        long total = Math.max(storeSize, links.size());
        long copied = BulkSeeder.copyWithoutIndexes(db, TABLE, COLUMNS, rows(realmId, links, total, now));
        try (Statement analyze = db.createStatement()) {
            analyze.execute("ANALYZE " + TABLE);
        }
        return copied;
    }

    static Stream<Object[]> rows(String realmId, List<Link> links, long total, Instant now) {
        long every = total / Math.max(1, links.size());
        return LongStream.range(0, total).mapToObj(i -> {
            long slot = i / every;
            if (i % every == 0 && slot < links.size()) {
                Link link = links.get((int) slot);
                return row(link.id(), realmId, link.userId(), Secrets.sha256Hex(link.code()), link.mobile(), link.deviceHash(), now);
            }
            // Two links per filler patient; no flow reaches them, so they need no user row.
            return row(fillerId(realmId, i), realmId, fillerId(realmId, total + i / 2), Secrets.sha256Hex("filler link " + realmId + " " + i),
                    String.format("+4477009%05d", i % 100_000), Secrets.sha256Hex("filler device " + i), now.minus(Duration.ofMinutes(i % 40_000)));
        });
    }

    static Object[] row(String id, String realmId, String userId, String codeHash, String mobile, String deviceHash, Instant created) {
        long createdAt = created.toEpochMilli();
        long expiresAt = created.plus(LIFETIME).toEpochMilli();
        // ends_at: when the link stops working, its expiry here (nothing is revoked or locked).
        return new Object[] {id, realmId, userId, codeHash, "questionnaire", "q-123", mobile, "benchmark", createdAt,
                expiresAt, null, deviceHash, deviceHash == null ? null : createdAt, deviceHash == null ? null : "sms", expiresAt};
    }

    private static String fillerId(String realmId, long i) {
        return new UUID(realmId.hashCode(), i).toString();
    }

    private static String base64Url(Random random, int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }
}
