package org.careaccess.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.Yaml;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The operations files of the repository: the Grafana dashboard
 * ({@code operations/grafana/careaccess-dashboard.json}) and the Prometheus alert rules
 * ({@code operations/prometheus/careaccess-alerts.yml}), and the PromQL queries in them.
 */
public final class OperationsFiles {

    private static final Pattern METRIC = Pattern.compile("careaccess_[a-z_]+");

    private final Path root;

    /** @param root the repository's root folder */
    public OperationsFiles(Path root) {
        this.root = root;
    }

    public Path dashboardFile() {
        return root.resolve("operations/grafana/careaccess-dashboard.json");
    }

    public Path rulesFile() {
        return root.resolve("operations/prometheus/careaccess-alerts.yml");
    }

    public JsonNode dashboard() {
        try {
            return AdminClient.json().readTree(Files.readString(dashboardFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every alert rule of every group, as YAML maps. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> alertRules() {
        Map<String, Object> file;
        try {
            file = new Yaml().load(Files.readString(rulesFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Object group : (List<Object>) file.get("groups")) {
            rules.addAll((List<Map<String, Object>>) ((Map<String, Object>) group).get("rules"));
        }
        return rules;
    }

    /** The queries of the dashboard's panels. */
    public List<String> dashboardQueries() {
        List<String> queries = new ArrayList<>();
        dashboard().path("panels").forEach(panel -> panel.path("targets").forEach(t -> queries.add(t.path("expr").asText())));
        return queries;
    }

    /** Every query of the dashboard and the alert rules. */
    public List<String> queries() {
        List<String> queries = new ArrayList<>(dashboardQueries());
        alertRules().forEach(rule -> queries.add(String.valueOf(rule.get("expr"))));
        return queries;
    }

    /** The CareAccess metric names these queries read. */
    public static Set<String> metricNames(List<String> queries) {
        Set<String> names = new TreeSet<>();
        for (String query : queries) {
            Matcher m = METRIC.matcher(query);
            while (m.find()) {
                names.add(m.group());
            }
        }
        return names;
    }
}
