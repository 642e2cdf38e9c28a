package org.careaccess.benchmark;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.careaccess.benchmark.scenarios.PasswordAndTotp;
import org.careaccess.benchmark.scenarios.PatientLinkSignIn;
import org.careaccess.benchmark.scenarios.StaffPasswordAndText;
import org.careaccess.testkit.BuildPaths;
import org.careaccess.testkit.ProductionKeycloak;

/**
 * Runs the scenarios side by side against one server and writes the report. Settings (system
 * properties): {@code benchmark.scenarios} (ids, comma-separated; default all),
 * {@code benchmark.concurrency} (virtual visitors, 8), {@code benchmark.warmup} (seconds before
 * each measurement, 15), {@code benchmark.firstWarmup} (before a scenario's first measurement, 60),
 * {@code benchmark.seconds} (measurement seconds per round, 30), {@code benchmark.rounds}
 * (2: the scenarios take turns, so a neighbour's load spreads over all of them),
 * {@code benchmark.users} (TOTP users for scenario 1, 2000), {@code benchmark.links} (links the
 * driver opens in each of scenarios 2, 3 and 5, 1000 at most), {@code benchmark.staff} (staff users
 * for scenario 4, 1000 at most), {@code benchmark.storedLinks} (links in the store for scenario 5,
 * 10,000,000).
 */
public final class Benchmark {

    private Benchmark() {
    }

    /** Every scenario, in report order; the first is the reference the others are compared with. */
    static List<Scenario> scenarios() {
        int links = Integer.getInteger("benchmark.links", 1000);
        return List.of(
                new PasswordAndTotp(Integer.getInteger("benchmark.users", 2000)),
                PatientLinkSignIn.newDevice(links),
                PatientLinkSignIn.trustedDevice(links),
                new StaffPasswordAndText(Integer.getInteger("benchmark.staff", 1000)),
                PatientLinkSignIn.newDeviceInLargeStore(links, Long.getLong("benchmark.storedLinks", 10_000_000)));
    }

    public static void main(String[] args) throws Exception {
        int concurrency = Integer.getInteger("benchmark.concurrency", 8);
        Duration warmUp = Duration.ofSeconds(Integer.getInteger("benchmark.warmup", 15));
        // The first time each scenario runs, the server's JIT is still compiling its code paths.
        Duration firstWarmUp = Duration.ofSeconds(Integer.getInteger("benchmark.firstWarmup", 60));
        Duration window = Duration.ofSeconds(Integer.getInteger("benchmark.seconds", 30));
        int rounds = Integer.getInteger("benchmark.rounds", 2);
        String ids = System.getProperty("benchmark.scenarios", "");
        List<Scenario> scenarios = selected(ids);
        boolean purge = ids.isBlank() || Arrays.stream(ids.split(",")).map(String::trim).anyMatch(PurgeMeasurement.ID::equals);
        boolean bulk = ids.isBlank() || Arrays.stream(ids.split(",")).map(String::trim).anyMatch(BulkIssueMeasurement.ID::equals);
        Path work = BuildPaths.work();
        String loadBefore = CpuClock.loadAverage();
        // Every realm is purged each interval: the default hour would leave the measurement waiting.
        List<String> options = purge ? List.of("--spi-careaccess-retention--default--interval=" + Integer.getInteger("benchmark.purgeInterval", 120))
                : List.of();

        ProductionKeycloak image = BenchmarkServer.image(BuildPaths.distribution(), BuildPaths.bundleJar(), work);
        List<Scenario> own = scenarios.stream().filter(Scenario::needsItsOwnServer).toList();
        try (BenchmarkServer server = BenchmarkServer.start(image, BuildPaths.realmFiles(), work, "server", options);
             BenchmarkServer second = own.isEmpty() ? null : BenchmarkServer.start(image, BuildPaths.realmFiles(), work, "server-own", options);
             Target main = new Target(server);
             Target beside = second == null ? null : new Target(second)) {
            System.out.printf("Keycloak %s (pid %d) started in %d s%n", server.url(), server.keycloak().pid(), server.keycloak().startedIn().toSeconds());
            if (second != null) {
                System.out.printf("Keycloak %s (pid %d) for %s started in %d s%n", second.url(), second.keycloak().pid(),
                        own.stream().map(Scenario::id).toList(), second.keycloak().startedIn().toSeconds());
            }
            List<Measurements> results = new ArrayList<>();
            Rounds plan = new Rounds(concurrency, firstWarmUp, warmUp, window, rounds);
            measure(scenarios.stream().map(s -> s.needsItsOwnServer() ? beside.on(s) : main.on(s)).toList(), plan, results);
            results.sort(java.util.Comparator.comparingInt(m -> scenarios.indexOf(m.scenario())));
            String purged = "";
            if (bulk) {
                // Before the purge: its million ended links would be in the link table the batches write to.
                BulkIssueMeasurement.Result result = BulkIssueMeasurement.run(server, "patients", Integer.getInteger("benchmark.bulkLinks", 10_000),
                        Integer.getInteger("benchmark.singleLinks", 1000));
                System.out.println(result.markdown());
                purged = result.markdown() + "\n";
            }
            if (purge) {
                // Last: its million ended links share the link table with scenarios 2 and 3 (5 has a server of its own).
                PurgeMeasurement.Result result = PurgeMeasurement.run(server, "patients", Long.getLong("benchmark.endedLinks", 1_000_000),
                        Long.getLong("benchmark.liveLinks", 100_000), Integer.getInteger("benchmark.purgeUsers", 10_000), Duration.ofHours(2));
                purged += result.markdown();
            }
            String machine = String.format(Locale.ROOT, "Machine: %d cores, %s; load average (1/5/15 min) %s before, %s after.",
                    CpuClock.cores(), CpuClock.cpuModel(), loadBefore, CpuClock.loadAverage());
            String settings = String.format(Locale.ROOT, "Keycloak 26.7.3 production mode (kc.sh start --optimized, theme and template caches on) "
                            + "on PostgreSQL; %d virtual visitors per scenario; %d s warm-up (%d s the first time) and %d × %d s measured per scenario, taking turns; "
                            + "scenario 5 runs against a second server on a database of its own (its stored links would share the link table with 2 and 3), "
                            + "started, prepared and measured in the same rounds as the others.",
                    concurrency, warmUp.toSeconds(), firstWarmUp.toSeconds(), rounds, window.toSeconds());
            Report report = new Report(results, machine, settings, purged);
            Path output = work.getParent().resolve("benchmark-results");
            report.write(output);
            System.out.println(report.markdown());
            System.out.println("Written to " + output.resolve("results.md") + " and results.html");
        }
    }

    /** How each scenario is measured: visitors, warm-ups, measurement window, rounds. */
    private record Rounds(int concurrency, Duration firstWarmUp, Duration warmUp, Duration window, int rounds) {
    }

    /** A server with the load driver and the database connection that measure it. */
    private static final class Target implements AutoCloseable {
        private final BenchmarkServer server;
        private final Connection counters;
        private final LoadDriver driver;

        Target(BenchmarkServer server) throws java.sql.SQLException {
            this.server = server;
            this.counters = server.database().connect();
            this.driver = new LoadDriver(server.http(), server.url(), server.keycloak().pid(), () -> DatabaseCounters.read(counters));
        }

        Stage on(Scenario scenario) {
            return new Stage(scenario, server, driver);
        }

        @Override
        public void close() throws java.sql.SQLException {
            counters.close();
        }
    }

    /** A scenario, the server it runs against and the driver that loads and measures it. */
    private record Stage(Scenario scenario, BenchmarkServer server, LoadDriver driver) {
    }

    /** Prepares the scenarios, then measures them taking turns, round after round. */
    private static void measure(List<Stage> stages, Rounds settings, List<Measurements> results) throws Exception {
        List<Measurements> these = new ArrayList<>();
        for (Stage stage : stages) {
            Instant began = Instant.now();
            stage.scenario().prepare(stage.server());
            System.out.printf("prepared %s in %d s%n", stage.scenario().id(), Duration.between(began, Instant.now()).toSeconds());
            these.add(new Measurements(stage.scenario()));
        }
        for (int round = 1; round <= settings.rounds(); round++) {
            for (int i = 0; i < stages.size(); i++) {
                Measurements result = these.get(i);
                Duration thisWarmUp = round == 1 ? settings.firstWarmUp() : settings.warmUp();
                System.out.printf("round %d/%d: %s, %d visitors, %d s warm-up, %d s measured%n", round, settings.rounds(),
                        result.scenario().id(), settings.concurrency(), thisWarmUp.toSeconds(), settings.window().toSeconds());
                stages.get(i).driver().run(result.scenario(), result, settings.concurrency(), thisWarmUp, settings.window());
                System.out.printf(Locale.ROOT, "  so far: %.1f flows/s, %.1f server CPU ms/flow, %d errors%n",
                        result.flowsPerSecond(), result.serverCpuMillisPerFlow(), result.errors());
            }
        }
        results.addAll(these);
    }

    private static List<Scenario> selected(String ids) {
        if (ids.isBlank()) {
            return scenarios();
        }
        List<String> wanted = Arrays.stream(ids.split(",")).map(String::trim).toList();
        return scenarios().stream().filter(s -> wanted.contains(s.id())).toList();
    }
}
