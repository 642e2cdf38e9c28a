package org.careaccess.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The paths the Maven build hands to tests and the benchmark as system properties:
 * {@code careaccess.keycloak.dist} (the unpacked distribution), {@code careaccess.jar} (the bundle
 * JAR), {@code careaccess.realm.config} (realm-config/), {@code careaccess.work} (a folder under target/).
 */
public final class BuildPaths {

    private BuildPaths() {
    }

    public static Path path(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("system property " + property + " is not set: run through ./mvnw (see README)");
        }
        return Path.of(value);
    }

    public static Path distribution() {
        return path("careaccess.keycloak.dist");
    }

    public static Path bundleJar() {
        return path("careaccess.jar");
    }

    public static Path work() {
        return path("careaccess.work");
    }

    /** Every {@code *-realm.json} of realm-config/, in name order. */
    public static Path[] realmFiles() {
        try (Stream<Path> files = Files.list(path("careaccess.realm.config"))) {
            return files.filter(f -> f.getFileName().toString().endsWith("-realm.json")).sorted().toArray(Path[]::new);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
