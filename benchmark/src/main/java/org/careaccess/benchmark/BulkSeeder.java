package org.careaccess.benchmark;

import java.io.IOException;
import java.io.Reader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.List;
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
