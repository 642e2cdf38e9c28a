package org.careaccess.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.careaccess.testkit.AdminClient;
import org.careaccess.testkit.KeycloakServer;
import org.careaccess.testkit.PostgresDatabase;
import org.careaccess.testkit.ProductionKeycloak;
import org.careaccess.testkit.SnsStandIn;

/**
 * The one server every scenario runs against: Keycloak 26.7.3 in production mode
 * ({@code kc.sh start --optimized}: theme and template caches on) with the CareAccess JAR and
 * realm-config/ imported, on a fresh PostgreSQL database dropped afterwards, texts going to an
 * SNS stand-in that answers at once.
 */
public final class BenchmarkServer implements AutoCloseable {

    private final PostgresDatabase database;
    private final SnsStandIn sns;
    private final KeycloakServer server;
    private final HttpClient http;

    private BenchmarkServer(PostgresDatabase database, SnsStandIn sns, KeycloakServer server) {
        this.database = database;
        this.sns = sns;
        this.server = server;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** Keycloak with the CareAccess JAR installed and built for production in {@code work/image}, for {@link #start}. */
    public static ProductionKeycloak image(Path distribution, Path jar, Path work) {
        return ProductionKeycloak.build(distribution, jar, work, SnsStandIn.SNS_PROVIDER_OPTION);
    }

    /**
     * A server from {@code image} in {@code work/<name>} on a fresh database of its own, with its
     * own SNS stand-in; {@code options}: more runtime options, e.g. a shorter retention purge interval.
     */
    public static BenchmarkServer start(ProductionKeycloak keycloak, Path[] realmFiles, Path work, String name, List<String> options) {
        PostgresDatabase database = PostgresDatabase.createFresh("careaccess_bench");
        SnsStandIn sns = new SnsStandIn();
        try {
            int port = KeycloakServer.freePort();
            String url = "http://localhost:" + port;
            KeycloakServer.Builder node = sns.receiveTextsOf(keycloak.node(work, name, database, database.host(), database.port(), url), 5000)
                    .httpPort(port)
                    .env("CAREACCESS_ALLOW_DRAMA_NUMBERS", "true")
                    .env("CAREACCESS_BASE_URL", url)
                    // Room for a million links' worth of caches; the heap the tests use is 1 GB.
                    .env("JAVA_OPTS_KC_HEAP", "-Xms1g -Xmx2g");
            if (Boolean.getBoolean("benchmark.jfr")) {
                // A flight recording of the whole run, to find where the server spends its CPU (README, "Benchmark").
                Path results = Files.createDirectories(work.resolveSibling("benchmark-results"));
                node.env("JAVA_OPTS_APPEND", "-XX:StartFlightRecording=settings=profile,filename=" + results.resolve(name + ".jfr").toAbsolutePath());
            }
            for (Path realm : realmFiles) {
                node.importRealm(realm);
            }
            options.forEach(node::option);
            KeycloakServer server = node.build().start();
            return new BenchmarkServer(database, sns, server);
        } catch (IOException | RuntimeException e) {
            sns.close();
            database.close();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    public String url() {
        return server.url();
    }

    public KeycloakServer keycloak() {
        return server;
    }

    public AdminClient admin() {
        return server.admin();
    }

    /** The database Keycloak runs on, for seeding in bulk (see {@link BulkSeeder}). */
    public PostgresDatabase database() {
        return database;
    }

    public SnsStandIn sns() {
        return sns;
    }

    /** The HTTP client every virtual visitor shares (HTTP/1.1 keep-alive, no redirects followed by itself). */
    public HttpClient http() {
        return http;
    }

    @Override
    public void close() {
        server.stop();
        sns.close();
        database.close();
    }
}
