package org.careaccess.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Users in their thousands in seconds: one made through the admin API, so the server hashes its
 * password (argon2, ~50 ms of CPU), the rest imported in batches through the realm's partial import
 * with a copy of that hash and their other credentials as stored data.
 */
public final class UserImport {

    private static final int BATCH = 500;

    private UserImport() {
    }

    /** A stored password hash, to give other users the same password without hashing it again. */
    public record PasswordHash(String secretData, String credentialData) {

        public Map<String, Object> credential() {
            return Map.of("type", "password", "secretData", secretData, "credentialData", credentialData);
        }
    }

    /** Imports user representations in batches; any that exists already fails the import. */
    public static void importUsers(BenchmarkServer server, String realm, List<Map<String, Object>> users) {
        for (int from = 0; from < users.size(); from += BATCH) {
            List<Map<String, Object>> batch = users.subList(from, Math.min(users.size(), from + BATCH));
            server.admin().post("/realms/" + realm + "/partialImport", Map.of("ifResourceExists", "FAIL", "users", batch)).expect(200);
        }
    }

    public static PasswordHash passwordHashOf(BenchmarkServer server, String realm, String username) throws SQLException {
        String sql = "SELECT c.secret_data, c.credential_data FROM credential c JOIN user_entity u ON u.id = c.user_id "
                + "JOIN realm r ON r.id = u.realm_id WHERE r.name = ? AND u.username = ? AND c.type = 'password'";
        try (Connection db = server.database().connect(); PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, realm);
            query.setString(2, username);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("no password stored for " + username);
                }
                return new PasswordHash(row.getString(1), row.getString(2));
            }
        }
    }

    /** The realm's database id. */
    public static String realmId(BenchmarkServer server, String realm) throws SQLException {
        try (Connection db = server.database().connect(); PreparedStatement query = db.prepareStatement("SELECT id FROM realm WHERE name = ?")) {
            query.setString(1, realm);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("no realm " + realm);
                }
                return row.getString(1);
            }
        }
    }

    /** Every user of the realm: username to id. */
    public static Map<String, String> userIds(BenchmarkServer server, String realm) throws SQLException {
        Map<String, String> ids = new HashMap<>();
        try (Connection db = server.database().connect();
             PreparedStatement query = db.prepareStatement("SELECT u.username, u.id FROM user_entity u JOIN realm r ON r.id = u.realm_id WHERE r.name = ?")) {
            query.setString(1, realm);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    ids.put(row.getString(1), row.getString(2));
                }
            }
        }
        return ids;
    }
}
