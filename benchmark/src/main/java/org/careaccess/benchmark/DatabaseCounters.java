package org.careaccess.benchmark;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * PostgreSQL's counters for the server's database at one moment: 8 kB blocks found in its shared
 * buffers (hit) or read from the operating system (read, which may still come from the page
 * cache), for the whole database ({@code pg_stat_database}) and for the link table with its indexes
 * ({@code pg_statio_user_tables}); and the user sessions Keycloak has stored (persistent user
 * sessions, rows of {@code OFFLINE_USER_SESSION} that are not offline ones). PostgreSQL updates the
 * block counters when a transaction ends, at most about once a second per backend.
 */
public record DatabaseCounters(long blocksHit, long blocksRead, long linkBlocksHit, long linkBlocksRead, long userSessions) {

    static final String SQL = "select d.blks_hit, d.blks_read,"
            + " coalesce(t.heap_blks_hit, 0) + coalesce(t.idx_blks_hit, 0), coalesce(t.heap_blks_read, 0) + coalesce(t.idx_blks_read, 0),"
            + " (select count(*) from offline_user_session where offline_flag = '0')"
            + " from pg_stat_database d left join pg_statio_user_tables t on t.relname = '" + LinkSeeder.TABLE + "'"
            + " where d.datname = current_database()";

    public static DatabaseCounters read(Connection db) {
        try (Statement statement = db.createStatement(); ResultSet row = statement.executeQuery(SQL)) {
            row.next();
            return new DatabaseCounters(row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4), row.getLong(5));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read PostgreSQL's counters", e);
        }
    }

    /** What changed since {@code before}; the sessions are this reading's own count. */
    public DatabaseCounters since(DatabaseCounters before) {
        return new DatabaseCounters(blocksHit - before.blocksHit, blocksRead - before.blocksRead, linkBlocksHit - before.linkBlocksHit,
                linkBlocksRead - before.linkBlocksRead, userSessions);
    }
}
