package org.careaccess.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Keycloak as it runs in production, on this machine: the distribution with the CareAccess JAR,
 * built once with {@code kc.sh build} ({@link #BUILD_OPTIONS}), then any number of nodes started
 * from copies of it with {@code kc.sh start --optimized} on PostgreSQL, each clustered through the
 * database (embedded Infinispan, jdbc-ping discovery) with its own HTTP, management and JGroups ports.
 */
public final class ProductionKeycloak {

    /** Build-time options, baked in by {@code kc.sh build} (the same as docker/Dockerfile's). */
    public static final List<String> BUILD_OPTIONS = List.of("--db=postgres", "--health-enabled=true", "--metrics-enabled=true");

    /**
     * Raw Quarkus settings (conf/quarkus.properties) Keycloak has no option for. Without
     * validation, connections PostgreSQL dropped during an outage stay pooled and every request
     * that draws one fails with a 500 after the database is back; validating a connection idle
     * for more than a second before use replaces them (docker/quarkus.properties carries the same).
     */
    public static final String QUARKUS_PROPERTIES = "quarkus.datasource.jdbc.foreground-validation-interval=PT1S\n";

    private final Path image;
    private final Path jar;

    private ProductionKeycloak(Path image, Path jar) {
        this.image = image;
        this.jar = jar;
    }

    /**
     * Installs the JAR into a fresh copy of the distribution under {@code work/image} and builds it
     * with {@link #BUILD_OPTIONS} and these, e.g. {@link SnsStandIn#SNS_PROVIDER_OPTION}: every
     * build-time option a node is started with must be given here (choosing an SPI's provider is one).
     */
    public static ProductionKeycloak build(Path distribution, Path jar, Path work, String... moreBuildOptions) {
        List<String> options = new java.util.ArrayList<>(BUILD_OPTIONS);
        options.addAll(List.of(moreBuildOptions));
        KeycloakServer image = KeycloakServer.builder(distribution, work.resolve("image")).freshInstall().provider(jar).build();
        try {
            Files.writeString(image.home().resolve("conf/quarkus.properties"), QUARKUS_PROPERTIES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        image.buildOptimized(options);
        return new ProductionKeycloak(work.resolve("image"), jar);
    }

    /**
     * A node in {@code work/<name>}: {@code start --optimized}, PostgreSQL reached at
     * {@code dbHost:dbPort} (directly or through a {@link TcpProxy}), HTTP enabled, every URL it
     * makes pointing at {@code frontUrl} (the load balancer, or the node itself), and embedded
     * Infinispan clustered over loopback on a free port. Add CareAccess settings and start it.
     */
    public KeycloakServer.Builder node(Path work, String name, PostgresDatabase database, String dbHost, int dbPort, String frontUrl) {
        KeycloakServer.Builder node = KeycloakServer.builder(image, work.resolve(name))
                .freshInstall()
                .optimized()
                .provider(jar)
                .option("--http-enabled=true")
                .option("--hostname=" + frontUrl)
                .option("--cache=ispn")
                .option("--cache-embedded-network-bind-address=127.0.0.1")
                .option("--cache-embedded-network-bind-port=" + KeycloakServer.freePort())
                .option("--spi-cache-embedded--default--node-name=" + name);
        database.keycloakOptions(dbHost, dbPort).forEach(node::option);
        return node;
    }
}
