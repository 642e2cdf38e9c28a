package org.careaccess.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ReportTest {

    private static Scenario scenario(String id, String baseline) {
        return new Scenario() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String title() {
                return id;
            }

            @Override
            public String baseline() {
                return baseline;
            }

            @Override
            public void prepare(BenchmarkServer server) {
            }

            @Override
            public void run(Flow flow) {
            }
        };
    }

    private static Measurements measured(Scenario scenario, long flows, long serverCpuMillis) {
        Measurements m = new Measurements(scenario);
        m.addWindow(10, flows, 0, new Measurements.Cpu(serverCpuMillis, flows, 0, serverCpuMillis + flows));
        Latencies step = new Latencies();
        step.add(5_000_000L);
        m.addStep("page", step);
        return m;
    }

    @Test
    void ratiosAreToScenarioOneAndToAScenariosOwnBaseline() {
        Measurements reference = measured(scenario("1-ref", null), 100, 8000);
        Measurements fast = measured(scenario("2-fast", null), 400, 8000);
        Measurements big = measured(scenario("5-big", "2-fast"), 360, 8000);

        String md = new Report(List.of(reference, fast, big), "machine", "settings").markdown();

        assertThat(md).contains("| 1-ref | 10.0 | 1.00 | 80.0 | 1.00 |");
        assertThat(md).contains("| 2-fast | 40.0 | 4.00 | 20.0 | 4.00 |");
        assertThat(md).contains("| 5-big | 36.0 | 3.60 (0.90 × 2-fast) | 22.2 | 3.60 (0.90 × 2-fast) |");
        assertThat(md).contains("| 2-fast | page | 1 | 5.0 | 5.0 | 5.0 |");
        assertThat(md).contains(String.format(java.util.Locale.ROOT, "| 1-ref | 10.0 | 1.00 | 80.0 | 1.00 | %.1f | 1.0 | 0 |",
                CpuClock.cores() * 1000.0 / 80));
    }

    @Test
    void eachWindowIsSplitByThreadKindAndDatabaseBlocksPerFlow() {
        Measurements big = measured(scenario("5-big", null), 200, 1600);
        big.addWindow(new Measurements.Window(200, 1600, Map.of(ThreadKind.REQUESTS, 1200L, ThreadKind.GC, 200L, ThreadKind.JIT, 100L,
                ThreadKind.OTHER, 100L), new DatabaseCounters(20_000, 50, 3_000, 40, 12_345)));

        String md = new Report(List.of(big), "machine", "settings").markdown();

        assertThat(md).contains("| 5-big | 1 | 200 | 8.00 | 6.00 | 1.00 | 0.50 | 0.50 | 100 | 0.25 | 15.0 | 0.20 | 12345 |");
    }

    @Test
    void theChartHasABarPerScenarioScaledToTheLargest() {
        String svg = Report.barChart(List.of(Map.entry("a", 10.0), Map.entry("b", 5.0)), "flows/s", "#005eb8");

        assertThat(svg).startsWith("<svg").contains("width=\"480\"").contains("width=\"240\"").contains("10.0 flows/s");
    }
}
