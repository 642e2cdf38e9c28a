package org.careaccess.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The real Keycloak distribution, started the way an administrator starts it: providers in
 * {@code providers/}, realm JSON in {@code data/import/}, {@code bin/kc.sh} with options and
 * environment. No Docker, no embedded server: the process the tests talk to is the product.
 */
public final class KeycloakServer implements AutoCloseable {

    public static final String ADMIN_USERNAME = "admin";
    public static final String ADMIN_PASSWORD = "admin";

    private final Path home;
    private final List<String> command;
    private final Map<String, String> environment;
    private final int httpPort;
    private final int managementPort;
    private final Duration startTimeout;
    private Process process;
    private Duration startedIn;

    private KeycloakServer(Builder builder) {
        this.home = builder.home;
        this.httpPort = builder.httpPort;
        this.managementPort = builder.managementPort;
        this.startTimeout = builder.startTimeout;
        this.environment = new LinkedHashMap<>(builder.environment);
        this.command = new ArrayList<>();
        command.add(home.resolve("bin/kc.sh").toString());
        command.add(builder.production ? "start" : "start-dev");
        if (builder.optimized) {
            command.add("--optimized");
        }
        command.add("--http-port=" + httpPort);
        command.add("--http-management-port=" + managementPort);
        command.add("--health-enabled=true");
        if (!builder.realmImports.isEmpty()) {
            command.add("--import-realm");
        }
        command.addAll(builder.options);
    }

    /** A server from an unpacked distribution, copied into {@code home} so several can run side by side. */
    public static Builder builder(Path distribution, Path home) {
        return new Builder(distribution, home);
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the server and waits until it reports ready, or fails with the end of its log. */
    public KeycloakServer start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("already running");
        }
        Instant started = Instant.now();
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()));
        builder.environment().putAll(environment);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        }
        waitUntilReady(started.plus(startTimeout));
        startedIn = Duration.between(started, Instant.now());
        return this;
    }

    private void waitUntilReady(Instant deadline) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI ready = URI.create("http://localhost:" + managementPort + "/health/ready");
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + ":\n" + logTail(80));
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(Duration.ofMillis(500));
        }
        stop();
        throw new IllegalStateException("Keycloak not ready within " + startTimeout + ":\n" + logTail(80));
    }

    /**
     * Runs {@code kc.sh build} with these build options in this server's home, so that copies of
     * it start with {@code --optimized} and skip the build (about 30 s of CPU each).
     */
    public KeycloakServer buildOptimized(List<String> buildOptions) {
        List<String> build = new ArrayList<>();
        build.add(home.resolve("bin/kc.sh").toString());
        build.add("build");
        build.addAll(buildOptions);
        ProcessBuilder builder = new ProcessBuilder(build)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()));
        builder.environment().putAll(environment);
        try {
            Process running = builder.start();
            if (!running.waitFor(startTimeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                running.destroyForcibly();
                throw new IllegalStateException("kc.sh build did not finish within " + startTimeout + ":\n" + logTail(40));
            }
            if (running.exitValue() != 0) {
                throw new IllegalStateException("kc.sh build failed with " + running.exitValue() + ":\n" + logTail(40));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + build, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return this;
    }

    /** Stops the server the way an operator would (SIGTERM), then for good if it hangs. */
    public void stop() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> all = Stream.concat(Stream.of(process.toHandle()), process.descendants()).toList();
        all.forEach(ProcessHandle::destroy);
        for (ProcessHandle handle : all) {
            try {
                handle.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                handle.destroyForcibly();
            }
        }
        process = null;
    }

    /** Kills the server without letting it shut down: a node dying mid-flow. */
    public void kill() {
        if (process == null) {
            return;
        }
        Stream.concat(process.descendants(), Stream.of(process.toHandle())).forEach(ProcessHandle::destroyForcibly);
        try {
            process.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Keycloak did not die", e);
        }
        process = null;
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    @Override
    public void close() {
        stop();
    }

    public String url() {
        return "http://localhost:" + httpPort;
    }

    public String realmUrl(String realm) {
        return url() + "/realms/" + realm;
    }

    public int httpPort() {
        return httpPort;
    }

    public int managementPort() {
        return managementPort;
    }

    /** The process id of the server JVM (for CPU accounting). */
    public long pid() {
        return process.descendants().filter(p -> p.info().command().map(c -> c.endsWith("java")).orElse(false))
                .findFirst().orElse(process.toHandle()).pid();
    }

    public Duration startedIn() {
        return startedIn;
    }

    public Path home() {
        return home;
    }

    public Path logFile() {
        return home.resolve("server.log");
    }

    public String log() {
        try {
            return Files.exists(logFile()) ? Files.readString(logFile()) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String logTail(int lines) {
        List<String> all = log().lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    public AdminClient admin() {
        return new AdminClient(url(), ADMIN_USERNAME, ADMIN_PASSWORD);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** How to install and start one server. */
    public static final class Builder {

        private final Path distribution;
        private final Path home;
        private final List<Path> providers = new ArrayList<>();
        private final List<Path> realmImports = new ArrayList<>();
        private final List<String> options = new ArrayList<>();
        private final Map<String, String> environment = new LinkedHashMap<>();
        private int httpPort;
        private int managementPort;
        private boolean production;
        private boolean optimized;
        private boolean freshInstall;
        private boolean freshData = true;
        private Duration startTimeout = Duration.ofMinutes(5);

        private Builder(Path distribution, Path home) {
            this.distribution = distribution;
            this.home = home;
            environment.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USERNAME);
            environment.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
            // Keycloak sizes its heap from the machine's memory; tests run several servers on one machine.
            environment.put("JAVA_OPTS_KC_HEAP", "-Xms256m -Xmx1g");
        }

        public Builder provider(Path jar) {
            providers.add(jar);
            return this;
        }

        public Builder importRealm(Path json) {
            realmImports.add(json);
            return this;
        }

        /** A command-line option, e.g. {@code --spi-careaccess-sms--provider=sns}. */
        public Builder option(String option) {
            options.add(option);
            return this;
        }

        public Builder env(String name, String value) {
            environment.put(name, value);
            return this;
        }

        public Builder httpPort(int port) {
            this.httpPort = port;
            return this;
        }

        public Builder managementPort(int port) {
            this.managementPort = port;
            return this;
        }

        /** {@code kc.sh start} instead of {@code start-dev}: caches on, HTTPS off by option only. */
        public Builder production() {
            this.production = true;
            return this;
        }

        /** {@code start --optimized}: the distribution was built with {@link KeycloakServer#buildOptimized}. */
        public Builder optimized() {
            this.production = true;
            this.optimized = true;
            return this;
        }

        /** Copies the distribution again even if {@code home} has one from an earlier run. */
        public Builder freshInstall() {
            this.freshInstall = true;
            return this;
        }

        /** Keep {@code data/} (the dev database) from an earlier run of the same home. */
        public Builder keepData() {
            this.freshData = false;
            return this;
        }

        public Builder startTimeout(Duration timeout) {
            this.startTimeout = timeout;
            return this;
        }

        /** Copies the distribution, installs providers and realm files; does not start. */
        public KeycloakServer build() {
            try {
                if (freshInstall) {
                    deleteTree(home);
                }
                if (!Files.exists(home.resolve("bin/kc.sh"))) {
                    copyTree(distribution, home);
                }
                if (freshData) {
                    deleteTree(home.resolve("data"));
                }
                Files.deleteIfExists(home.resolve("server.log"));
                Path providerDir = Files.createDirectories(home.resolve("providers"));
                try (Stream<Path> old = Files.list(providerDir)) {
                    for (Path jar : old.filter(p -> p.toString().endsWith(".jar")).toList()) {
                        Files.delete(jar);
                    }
                }
                for (Path jar : providers) {
                    // Keeping the JAR's time stamp lets a copy of a built server start --optimized:
                    // Keycloak refuses to when a provider JAR looks newer than the build.
                    Files.copy(jar, providerDir.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
                Path importDir = Files.createDirectories(home.resolve("data/import"));
                for (Path realm : realmImports) {
                    Files.copy(realm, importDir.resolve(realm.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot install Keycloak into " + home, e);
            }
            if (httpPort == 0) {
                httpPort = freePort();
            }
            if (managementPort == 0) {
                managementPort = freePort();
            }
            return new KeycloakServer(this);
        }

        private static void copyTree(Path from, Path to) throws IOException {
            Files.walkFileTree(from, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                    return FileVisitResult.CONTINUE;
                }
            });
        }

        private static void deleteTree(Path root) throws IOException {
            if (!Files.exists(root)) {
                return;
            }
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path path : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
