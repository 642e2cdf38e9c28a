package org.careaccess.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The benchmark's results as a Markdown table ({@code results.md}) and an HTML page with inline
 * SVG bar charts ({@code results.html}): per scenario flows per second at saturation, server CPU
 * milliseconds per flow, both as ratios to scenario 1 (and to a scenario's own baseline), and per
 * step p50/p95/p99 latencies.
 */
public final class Report {

    private final List<Measurements> results;
    private final String machine;
    private final String settings;
    /** The retention purge's section (Markdown), or empty when it was not measured. */
    private final String purge;

    public Report(List<Measurements> results, String machine, String settings) {
        this(results, machine, settings, "");
    }

    public Report(List<Measurements> results, String machine, String settings, String purge) {
        this.results = results;
        this.machine = machine;
        this.settings = settings;
        this.purge = purge;
    }

    public void write(Path directory) throws IOException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("results.md"), markdown());
        Files.writeString(directory.resolve("results.html"), html());
    }

    public String markdown() {
        StringBuilder md = new StringBuilder();
        if (results.isEmpty()) {
            return md.append(machine).append("\n\n").append(purge).toString();
        }
        md.append("| scenario | flows/s | × scenario 1 | server CPU ms/flow | × scenario 1 (CPU) | CPU-bound flows/s | PostgreSQL CPU ms/flow | errors |\n");
        md.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Measurements m : results) {
            md.append(String.format(Locale.ROOT, "| %s | %.1f | %s | %.1f | %s | %.1f | %.1f | %d |%n", m.scenario().id(), m.flowsPerSecond(),
                    ratios(m, Measurements::flowsPerSecond, false), m.serverCpuMillisPerFlow(),
                    ratios(m, Measurements::serverCpuMillisPerFlow, true), m.cpuBoundFlowsPerSecond(), m.databaseCpuMillisPerFlow(), m.errors()));
        }
        md.append("\n| scenario | step | n | p50 ms | p95 ms | p99 ms |\n| --- | --- | ---: | ---: | ---: | ---: |\n");
        for (Measurements m : results) {
            for (Map.Entry<String, Latencies> step : m.steps().entrySet()) {
                Latencies l = step.getValue();
                md.append(String.format(Locale.ROOT, "| %s | %s | %d | %.1f | %.1f | %.1f |%n", m.scenario().id(), step.getKey(), l.count(),
                        l.percentileMillis(50), l.percentileMillis(95), l.percentileMillis(99)));
            }
        }
        md.append("\n| scenario | measured s | flows | CPU ms/flow by round | machine CPU: server | PostgreSQL | driver | others |\n"
                + "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Measurements m : results) {
            String rounds = m.windowCpuMillisPerFlow().stream().map(v -> String.format(Locale.ROOT, "%.0f", v))
                    .collect(java.util.stream.Collectors.joining(", "));
            md.append(String.format(Locale.ROOT, "| %s | %.0f | %d | %s | %.0f%% | %.0f%% | %.0f%% | %.0f%% |%n", m.scenario().id(), m.seconds(),
                    m.flows(), rounds, 100 * m.serverShare(), 100 * m.databaseShare(), 100 * m.driverShare(), 100 * m.othersShare()));
        }
        md.append(insideTheServer());
        md.append("\n").append(machine).append("\n\n").append(settings).append("\n");
        for (Measurements m : results) {
            for (String error : m.errorSamples()) {
                md.append("\n- error in ").append(m.scenario().id()).append(": ").append(error);
            }
        }
        if (!purge.isEmpty()) {
            md.append("\n").append(purge);
        }
        return md.toString();
    }

    /**
     * Each measurement window seen from inside the server: its CPU per flow by thread kind, and
     * PostgreSQL's 8 kB blocks per flow, found in shared buffers (hit) or read from the operating
     * system (read), for the whole database and for the link table with its indexes.
     */
    private String insideTheServer() {
        StringBuilder md = new StringBuilder("\n| scenario | round | flows | server CPU ms/flow | requests | GC | JIT | other "
                + "| blocks hit/flow | blocks read/flow | link table: hit/flow | read/flow | user sessions stored |\n"
                + "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Measurements m : results) {
            List<Measurements.Window> windows = m.windows();
            for (int i = 0; i < windows.size(); i++) {
                Measurements.Window w = windows.get(i);
                DatabaseCounters db = w.database();
                md.append(String.format(Locale.ROOT, "| %s | %d | %d | %.2f | %.2f | %.2f | %.2f | %.2f | %.0f | %.2f | %.1f | %.2f | %d |%n",
                        m.scenario().id(), i + 1, w.flows(), w.perFlow(w.serverCpuMillis()), w.perFlow(w.threadMillis().get(ThreadKind.REQUESTS)),
                        w.perFlow(w.threadMillis().get(ThreadKind.GC)), w.perFlow(w.threadMillis().get(ThreadKind.JIT)),
                        w.perFlow(w.threadMillis().get(ThreadKind.OTHER)), w.perFlow(db.blocksHit()), w.perFlow(db.blocksRead()),
                        w.perFlow(db.linkBlocksHit()), w.perFlow(db.linkBlocksRead()), db.userSessions()));
            }
        }
        return md.toString();
    }

    /**
     * "1.00" for scenario 1, otherwise the ratio to scenario 1 and, for a scenario with a baseline,
     * to that baseline. For CPU the ratio is inverted (how many times cheaper), so bigger is better
     * in both columns.
     */
    private String ratios(Measurements m, java.util.function.ToDoubleFunction<Measurements> figure, boolean cheaperIsBetter) {
        Measurements reference = results.get(0);
        String ratio = format(ratio(m, reference, figure, cheaperIsBetter));
        Optional<Measurements> baseline = Optional.ofNullable(m.scenario().baseline())
                .flatMap(id -> results.stream().filter(r -> r.scenario().id().equals(id)).findFirst());
        return baseline.map(b -> ratio + " (" + format(ratio(m, b, figure, cheaperIsBetter)) + " × " + b.scenario().id() + ")").orElse(ratio);
    }

    static double ratio(Measurements m, Measurements reference, java.util.function.ToDoubleFunction<Measurements> figure, boolean inverted) {
        double value = figure.applyAsDouble(m);
        double base = figure.applyAsDouble(reference);
        if (value == 0 || base == 0) {
            return 0;
        }
        return inverted ? base / value : value / base;
    }

    private static String format(double ratio) {
        return String.format(Locale.ROOT, "%.2f", ratio);
    }

    public String html() {
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>CareAccess benchmark</title>
                <style>body{font-family:sans-serif;max-width:60rem;margin:2rem auto;color:#212b32}
                table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #d8dde0;padding:.3rem .6rem;text-align:right}
                td:first-child,th:first-child,td:nth-child(2){text-align:left}svg text{font:12px sans-serif}</style></head><body>
                <h1>CareAccess benchmark</h1>
                """);
        html.append("<h2>Flows per second at saturation</h2>")
                .append(barChart(results.stream().map(m -> Map.entry(m.scenario().id(), m.flowsPerSecond())).toList(), "flows/s", "#005eb8"));
        html.append("<h2>Server CPU milliseconds per flow</h2>")
                .append(barChart(results.stream().map(m -> Map.entry(m.scenario().id(), m.serverCpuMillisPerFlow())).toList(), "ms", "#330072"));
        html.append("<h2>Figures</h2>").append(markdownTablesAsHtml());
        return html.append("</body></html>\n").toString();
    }

    static String barChart(List<Map.Entry<String, Double>> bars, String unit, String colour) {
        int rowHeight = 28;
        int labelWidth = 160;
        int chartWidth = 480;
        double max = bars.stream().mapToDouble(Map.Entry::getValue).max().orElse(1);
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" role=\"img\">", labelWidth + chartWidth + 100, rowHeight * bars.size() + 10));
        for (int i = 0; i < bars.size(); i++) {
            Map.Entry<String, Double> bar = bars.get(i);
            int width = max == 0 ? 0 : (int) Math.round(bar.getValue() / max * chartWidth);
            int y = i * rowHeight + 5;
            svg.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\">%s</text>", y + 16, escape(bar.getKey())))
                    .append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"20\" fill=\"%s\"/>", labelWidth, y, width, colour))
                    .append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%.1f %s</text>", labelWidth + width + 6, y + 16, bar.getValue(), unit));
        }
        return svg.append("</svg>\n").toString();
    }

    private String markdownTablesAsHtml() {
        StringBuilder html = new StringBuilder();
        boolean inTable = false;
        for (String line : markdown().lines().toList()) {
            if (line.startsWith("| ---")) {
                continue;
            }
            if (line.startsWith("|")) {
                if (!inTable) {
                    html.append("<table>");
                    inTable = true;
                }
                html.append("<tr>");
                for (String cell : line.substring(1, line.length() - 1).split("\\|")) {
                    html.append("<td>").append(escape(cell.trim())).append("</td>");
                }
                html.append("</tr>\n");
            } else {
                if (inTable) {
                    html.append("</table>\n");
                    inTable = false;
                }
                if (!line.isBlank()) {
                    html.append("<p>").append(escape(line)).append("</p>\n");
                }
            }
        }
        return inTable ? html.append("</table>\n").toString() : html.toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
