package org.careaccess.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A fresh, empty PostgreSQL database for one run on the machine's server (by default
 * 127.0.0.1:5432, user {@code postgres}, trust authentication; system properties
 * {@code careaccess.postgres.host|port|user|password} change that), dropped again by {@link #close()}.
 * Keycloak creates its schema in it on first start.
 */
public final class PostgresDatabase implements AutoCloseable {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss", Locale.ROOT);

    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final String name;

    private PostgresDatabase(String name) {
        this.host = System.getProperty("careaccess.postgres.host", "127.0.0.1");
        this.port = Integer.getInteger("careaccess.postgres.port", 5432);
        this.user = System.getProperty("careaccess.postgres.user", "postgres");
        this.password = System.getProperty("careaccess.postgres.password", "");
        this.name = name;
    }

    /** Creates {@code <prefix>_<timestamp>_<random>}, e.g. {@code careaccess_cluster_20260101_120000_4821}. */
    public static PostgresDatabase createFresh(String prefix) {
        String name = prefix + "_" + LocalDateTime.now().format(STAMP) + "_" + ThreadLocalRandom.current().nextInt(1000, 10_000);
        PostgresDatabase database = new PostgresDatabase(name);
        database.onServer("CREATE DATABASE " + name);
        return database;
    }

    public String name() {
        return name;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public String jdbcUrl() {
        return jdbcUrl(host, port);
    }

    /** The URL through another host and port, e.g. a {@link TcpProxy} in front of the server. */
    public String jdbcUrl(String viaHost, int viaPort) {
        return "jdbc:postgresql://" + viaHost + ":" + viaPort + "/" + name;
    }

    /** Keycloak's database options for this database, reached through {@code viaHost:viaPort}. */
    public List<String> keycloakOptions(String viaHost, int viaPort) {
        return List.of("--db-url=" + jdbcUrl(viaHost, viaPort), "--db-username=" + user, "--db-password=" + password);
    }

    /** A direct connection to this database (not through any proxy). */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), user, password);
    }

    /** Everything the database holds, as {@code pg_dump --data-only} writes it out (a backup, in effect). */
    public String dump() {
        ProcessBuilder pgDump = new ProcessBuilder("pg_dump", "--data-only", "-h", host, "-p", Integer.toString(port), "-U", user, name);
        pgDump.environment().put("PGPASSWORD", password);
        pgDump.redirectError(ProcessBuilder.Redirect.INHERIT);
        try {
            Process process = pgDump.start();
            String dump = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("pg_dump of " + name + " failed with exit code " + process.exitValue());
            }
            return dump;
        } catch (IOException e) {
            throw new IllegalStateException("pg_dump could not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Drops the database, disconnecting whatever is still connected. */
    @Override
    public void close() {
        onServer("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private void onServer(String sql) {
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/postgres", user, password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed on " + host + ":" + port + " as " + user + ": " + e.getMessage(), e);
        }
    }
}
