package org.careaccess.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One read of a server's {@code /metrics} (Prometheus text format) on its management port: each
 * series with its labels and value, as Prometheus would store them.
 */
public final class PrometheusScrape {

    /** One sample line: {@code name{label="value",...} value}. */
    public record Series(String name, Map<String, String> labels, double value) {
    }

    private static final Pattern LINE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)(?:\\s+\\d+)?");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\",?");

    private final List<Series> series;

    private PrometheusScrape(List<Series> series) {
        this.series = series;
    }

    /** Reads {@code http://localhost:<managementPort>/metrics}. */
    public static PrometheusScrape of(KeycloakServer server) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + server.managementPort() + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("/metrics answered " + response.statusCode() + ": " + response.body());
            }
            return parse(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static PrometheusScrape parse(String text) {
        List<Series> all = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher m = LINE.matcher(line.strip());
            if (!m.matches()) {
                throw new IllegalArgumentException("not a Prometheus sample: " + line);
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (m.group(2) != null) {
                Matcher label = LABEL.matcher(m.group(2));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
            }
            all.add(new Series(m.group(1), labels, Double.parseDouble(m.group(3))));
        }
        return new PrometheusScrape(all);
    }

    /** The sum of the series of this name whose labels include all of {@code labels} (0 when none). */
    public double value(String name, Map<String, String> labels) {
        return series.stream().filter(s -> s.name().equals(name) && s.labels().entrySet().containsAll(labels.entrySet()))
                .mapToDouble(Series::value).sum();
    }

    /** Every series whose name starts with this prefix. */
    public List<Series> seriesStartingWith(String prefix) {
        return series.stream().filter(s -> s.name().startsWith(prefix)).toList();
    }

    public Set<String> names() {
        Set<String> names = new TreeSet<>();
        series.forEach(s -> names.add(s.name()));
        return names;
    }

    /** What moved between {@code before} and this scrape, per series of these names, for a failure message. */
    public Map<String, Double> movedSince(PrometheusScrape before, String prefix) {
        Map<String, Double> moved = new TreeMap<>();
        for (Series s : seriesStartingWith(prefix)) {
            double delta = s.value() - before.value(s.name(), s.labels());
            if (delta != 0) {
                moved.put(s.name() + s.labels(), delta);
            }
        }
        return moved;
    }
}
