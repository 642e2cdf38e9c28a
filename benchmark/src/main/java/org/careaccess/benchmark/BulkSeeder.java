package org.careaccess.benchmark;

import java.io.IOException;
import java.io.Reader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.postgresql.PGConnection;

/**
 * Fills a PostgreSQL table with many rows fast, through {@code COPY ... FROM STDIN} (text format),
 * streaming rows as they are made: a million rows take seconds, where the admin API or row-by-row
 * inserts would take hours. For data the benchmark needs in bulk (a million patient links); the
 * server's caches are cold for them, exactly as for links issued over months.
 */
public final class BulkSeeder {

    private BulkSeeder() {
    }

    /** Copies the rows into {@code table(columns)}; a null value is SQL NULL. Returns the rows copied. */
    public static long copy(Connection connection, String table, List<String> columns, Stream<Object[]> rows) throws SQLException {
        String sql = "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN";
        try (Reader reader = new RowReader(rows.iterator())) {
            return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, reader);
        } catch (IOException e) {
            throw new SQLException("COPY into " + table + " failed", e);
        }
    }

    /**
     * As {@link #copy}, with the table's indexes other than its constraints' (primary key) dropped
     * first and built again afterwards, each from its own definition ({@code pg_indexes}): ten
     * million rows copied into two indexes on random hashes, one b-tree insert at a time through
     * 128 MB of shared buffers, took over 20 minutes on the build machine, where a build sorts once.
     * A built index is denser (leaves about 90% full) than one grown by random inserts (about
     * 70%): the same depth at these sizes, a little smaller.
     */
    public static long copyWithoutIndexes(Connection connection, String table, List<String> columns, Stream<Object[]> rows) throws SQLException {
        List<String> definitions = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet indexes = statement.executeQuery("select indexname, indexdef from pg_indexes where tablename = '" + table.toLowerCase(Locale.ROOT)
                     + "' and indexname not in (select conname from pg_constraint where conrelid = '" + table + "'::regclass)")) {
            while (indexes.next()) {
                definitions.add(indexes.getString(2));
                try (Statement drop = connection.createStatement()) {
                    drop.execute("DROP INDEX " + indexes.getString(1));
                }
            }
        }
        long copied = copy(connection, table, columns, rows);
        try (Statement build = connection.createStatement()) {
            build.execute("SET maintenance_work_mem = '512MB'");
            for (String definition : definitions) {
                build.execute(definition);
            }
            build.execute("RESET maintenance_work_mem");
        }
        return copied;
    }

    /** One row in COPY's text format: tab-separated, \N for NULL, backslash escapes. */
    static String line(Object[] row) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < row.length; i++) {
            if (i > 0) {
                line.append('\t');
            }
            if (row[i] == null) {
                line.append("\\N");
            } else {
                for (char c : row[i].toString().toCharArray()) {
                    switch (c) {
                        case '\\' -> line.append("\\\\");
                        case '\t' -> line.append("\\t");
                        case '\n' -> line.append("\\n");
                        case '\r' -> line.append("\\r");
                        default -> line.append(c);
                    }
                }
            }
        }
        return line.append('\n').toString();
    }

    /** Renders rows into COPY text lazily, so a million rows never sit in memory at once. */
    private static final class RowReader extends Reader {

        private final Iterator<Object[]> rows;
        private String current = "";
        private int position;

        RowReader(Iterator<Object[]> rows) {
            this.rows = rows;
        }

        @Override
        public int read(char[] buffer, int offset, int length) {
            if (position == current.length()) {
                if (!rows.hasNext()) {
                    return -1;
                }
                current = line(rows.next());
                position = 0;
            }
            int n = Math.min(length, current.length() - position);
            current.getChars(position, position + n, buffer, offset);
            position += n;
            return n;
        }

        @Override
        public void close() {
        }
    }
}
