package org.careaccess.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The shared server's dev database (H2, opened with AUTO_SERVER so a second process may join),
 * through the H2 driver the distribution itself ships: for what no API can do, such as ageing a
 * link until it has expired, and for checking what is stored.
 */
final class DevDatabase {

    private DevDatabase() {
    }

    static int update(String sql, Object... parameters) {
        try (Connection connection = connect(); PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The first column of the first row, or null when there is no row. */
    static String queryString(String sql, Object... parameters) {
        try (Connection connection = connect(); PreparedStatement statement = prepare(connection, sql, parameters);
             ResultSet rows = statement.executeQuery()) {
            return rows.next() ? rows.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Everything the database holds, as H2's {@code SCRIPT} writes it out (a backup, in effect). */
    static String script() {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement("SCRIPT");
             ResultSet rows = statement.executeQuery()) {
            StringBuilder script = new StringBuilder();
            while (rows.next()) {
                script.append(rows.getString(1)).append('\n');
            }
            return script.toString();
        } catch (SQLException e) {
            throw new IllegalStateException("SCRIPT", e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }

    private static Connection connect() throws SQLException {
        Path home = CareAccessServer.server().home();
        Properties credentials = new Properties();
        credentials.setProperty("user", CareAccessServer.DEV_DATABASE_USER);
        credentials.setProperty("password", CareAccessServer.DEV_DATABASE_PASSWORD);
        String url = "jdbc:h2:file:" + home.resolve("data/h2/keycloakdb") + ";AUTO_SERVER=TRUE;DB_CLOSE_ON_EXIT=TRUE";
        return driver(home).connect(url, credentials);
    }

    private static Driver driver(Path home) {
        try (Stream<Path> jars = Files.list(home.resolve("lib/lib/main"))) {
            Path h2 = jars.filter(p -> p.getFileName().toString().startsWith("com.h2database.h2-")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no H2 driver in the distribution"));
            URLClassLoader loader = new URLClassLoader(new URL[] {h2.toUri().toURL()}, DevDatabase.class.getClassLoader());
            return (Driver) loader.loadClass("org.h2.Driver").getDeclaredConstructor().newInstance();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot load the H2 driver", e);
        }
    }
}
