package org.careaccess.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.careaccess.benchmark.scenarios.PasswordAndTotp;
import org.careaccess.testkit.BuildPaths;

/**
 * Runs the scenarios side by side against one server and writes the report. Settings (system
 * properties): {@code benchmark.scenarios} (ids, comma-separated; default all),
 * {@code benchmark.concurrency} (virtual visitors, 8), {@code benchmark.warmup} (seconds before
 * each measurement, 15), {@code benchmark.firstWarmup} (before a scenario's first measurement, 60),
 * {@code benchmark.seconds} (measurement seconds per round, 30), {@code benchmark.rounds}
 * (2: the scenarios take turns, so a neighbour's load spreads over all of them),
 * {@code benchmark.users} (TOTP users for scenario 1, 2000).
 */
public final class Benchmark {

    private Benchmark() {
    }

    /** Every scenario, in report order; the first is the reference the others are compared with. */
    static List<Scenario> scenarios() {
        return List.of(
                new PasswordAndTotp(Integer.getInteger("benchmark.users", 2000)));
    }

    public static void main(String[] args) throws Exception {
        int concurrency = Integer.getInteger("benchmark.concurrency", 8);
        Duration warmUp = Duration.ofSeconds(Integer.getInteger("benchmark.warmup", 15));
        // The first time each scenario runs, the server's JIT is still compiling its code paths.
        Duration firstWarmUp = Duration.ofSeconds(Integer.getInteger("benchmark.firstWarmup", 60));
        Duration window = Duration.ofSeconds(Integer.getInteger("benchmark.seconds", 30));
        int rounds = Integer.getInteger("benchmark.rounds", 2);
        List<Scenario> scenarios = selected(System.getProperty("benchmark.scenarios", ""));
        Path work = BuildPaths.work();
        String loadBefore = CpuClock.loadAverage();

        try (BenchmarkServer server = BenchmarkServer.start(BuildPaths.distribution(), BuildPaths.bundleJar(),
                BuildPaths.realmFiles(), work)) {
            System.out.printf("Keycloak %s (pid %d) started in %d s%n", server.url(), server.keycloak().pid(), server.keycloak().startedIn().toSeconds());
            List<Measurements> results = new ArrayList<>();
            for (Scenario scenario : scenarios) {
                Instant began = Instant.now();
                scenario.prepare(server);
                System.out.printf("prepared %s in %d s%n", scenario.id(), Duration.between(began, Instant.now()).toSeconds());
                results.add(new Measurements(scenario));
            }
            LoadDriver driver = new LoadDriver(server.http(), server.url(), server.keycloak().pid());
            for (int round = 1; round <= rounds; round++) {
                for (Measurements result : results) {
                    Duration thisWarmUp = round == 1 ? firstWarmUp : warmUp;
                    System.out.printf("round %d/%d: %s, %d visitors, %d s warm-up, %d s measured%n", round, rounds,
                            result.scenario().id(), concurrency, thisWarmUp.toSeconds(), window.toSeconds());
                    driver.run(result.scenario(), result, concurrency, thisWarmUp, window);
                    System.out.printf(Locale.ROOT, "  so far: %.1f flows/s, %.1f server CPU ms/flow, %d errors%n",
                            result.flowsPerSecond(), result.serverCpuMillisPerFlow(), result.errors());
                }
            }
            String machine = String.format(Locale.ROOT, "Machine: %d cores, %s; load average (1/5/15 min) %s before, %s after.",
                    CpuClock.cores(), CpuClock.cpuModel(), loadBefore, CpuClock.loadAverage());
            String settings = String.format(Locale.ROOT, "Keycloak 26.7.3 production mode (kc.sh start --optimized, theme and template caches on) "
                            + "on PostgreSQL; %d virtual visitors per scenario; %d s warm-up (%d s the first time) and %d × %d s measured per scenario, taking turns.",
                    concurrency, warmUp.toSeconds(), firstWarmUp.toSeconds(), rounds, window.toSeconds());
            Report report = new Report(results, machine, settings);
            Path output = work.getParent().resolve("benchmark-results");
            report.write(output);
            System.out.println(report.markdown());
            System.out.println("Written to " + output.resolve("results.md") + " and results.html");
        }
    }

    private static List<Scenario> selected(String ids) {
        if (ids.isBlank()) {
            return scenarios();
        }
        List<String> wanted = Arrays.stream(ids.split(",")).map(String::trim).toList();
        return scenarios().stream().filter(s -> wanted.contains(s.id())).toList();
    }
}
