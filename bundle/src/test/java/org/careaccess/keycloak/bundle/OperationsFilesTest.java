package org.careaccess.keycloak.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.careaccess.keycloak.metrics.CareAccessMeters;
import org.careaccess.testkit.OperationsFiles;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Grafana dashboard and the Prometheus alert rules in operations/ parse, are complete, and use
 * only metrics CareAccess declares (MetricsIT checks the same names against a live /metrics).
 * Debian's prometheus package would bring promtool, at about 96 MB installed; this test reads the
 * files instead.
 */
class OperationsFilesTest {

    private static final OperationsFiles FILES = new OperationsFiles(Path.of(System.getProperty("careaccess.project.root")));
    private static final Pattern DURATION = Pattern.compile("\\d+[smhdw]");

    /** Compile-time constants: reading them loads nothing of Micrometer. */
    private static final List<String> COUNTERS = List.of(CareAccessMeters.SMS_SENT, CareAccessMeters.SMS_FAILED,
            CareAccessMeters.CODES_CHECKED, CareAccessMeters.DATES_OF_BIRTH, CareAccessMeters.LOCKS, CareAccessMeters.LINKS,
            CareAccessMeters.PATIENT_SIGN_INS, CareAccessMeters.STAFF_SIGN_INS, CareAccessMeters.SUPPORT_RESETS, CareAccessMeters.LINK_TEXTS);
    private static final String TIMER = CareAccessMeters.SMS_SEND_SECONDS;

    @Test
    void everyRuleHasAnExpressionADurationASeverityAndWordsForOnCall() {
        List<Map<String, Object>> rules = FILES.alertRules();
        assertThat(rules).extracting(r -> r.get("alert")).contains("CareAccessSmsFailing", "CareAccessSmsVolumeFarAboveNormal",
                "CareAccessLockoutsSpiking", "CareAccessSmsGatewayTimingOut");
        for (Map<String, Object> rule : rules) {
            String name = String.valueOf(rule.get("alert"));
            assertThat(name).matches("CareAccess[A-Za-z]+");
            assertThat(rule).as(name).containsKeys("expr", "for", "labels", "annotations");
            assertThat(String.valueOf(rule.get("for"))).as(name).matches(DURATION);
            assertThat(map(rule, "labels").get("severity")).as(name).isIn("page", "ticket");
            assertThat(map(rule, "annotations")).as(name).containsKeys("summary", "description");
            String expr = String.valueOf(rule.get("expr"));
            assertThat(balanced(expr)).as("%s: brackets balanced in %s", name, expr).isTrue();
            assertThat(OperationsFiles.metricNames(List.of(expr))).as(name).isNotEmpty();
            Matcher ranges = Pattern.compile("\\[([^\\]]*)]").matcher(expr);
            while (ranges.find()) {
                assertThat(ranges.group(1)).as("%s: range", name).matches(DURATION);
            }
        }
    }

    @Test
    void thePumpingAlertComparesWithTheSameHourLastWeekAboveAFloor() {
        String expr = FILES.alertRules().stream().filter(r -> "CareAccessSmsVolumeFarAboveNormal".equals(r.get("alert")))
                .map(r -> String.valueOf(r.get("expr"))).findFirst().orElseThrow();
        assertThat(expr).contains("offset 1w", "> 200", "or vector(0)");
    }

    @Test
    void theDashboardHasADataSourceChoiceAndAPanelForEveryMetric() {
        JsonNode dashboard = FILES.dashboard();
        assertThat(dashboard.path("uid").asText()).isEqualTo("careaccess");
        List<String> variables = new ArrayList<>();
        dashboard.path("templating").path("list").forEach(v -> variables.add(v.path("type").asText() + ":" + v.path("name").asText()));
        assertThat(variables).contains("datasource:datasource");
        Set<Integer> ids = new TreeSet<>();
        int graphs = 0;
        for (JsonNode panel : dashboard.path("panels")) {
            assertThat(ids.add(panel.path("id").asInt())).as("unique panel id %s", panel.path("id")).isTrue();
            if (panel.path("type").asText().equals("row")) {
                continue;
            }
            graphs++;
            assertThat(panel.path("datasource").path("uid").asText()).as(panel.path("title").asText()).isEqualTo("${datasource}");
            assertThat(panel.path("targets")).as(panel.path("title").asText()).isNotEmpty();
            for (JsonNode target : panel.path("targets")) {
                String expr = target.path("expr").asText();
                assertThat(balanced(expr)).as(expr).isTrue();
            }
        }
        assertThat(graphs).isGreaterThanOrEqualTo(COUNTERS.size());
        Set<String> families = new TreeSet<>();
        for (String name : OperationsFiles.metricNames(FILES.dashboardQueries())) {
            families.add(name.startsWith(TIMER) ? TIMER : name);
        }
        assertThat(families).as("every CareAccess metric has a panel").containsAll(COUNTERS).contains(TIMER);
    }

    @Test
    void theDashboardAndTheRulesUseOnlyMetricsCareAccessDeclares() {
        Set<String> declared = new TreeSet<>(COUNTERS);
        for (String suffix : List.of("_bucket", "_count", "_sum", "_max")) {
            declared.add(TIMER + suffix);
        }
        assertThat(OperationsFiles.metricNames(FILES.queries())).isSubsetOf(declared);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object parent, String key) {
        Object value = ((Map<String, Object>) parent).get(key);
        return value instanceof Map<?, ?> ? (Map<String, Object>) value : value == null ? null : Map.of("value", value);
    }

    private static boolean balanced(String expr) {
        int round = 0;
        int square = 0;
        int curly = 0;
        boolean quoted = false;
        for (char c : expr.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (quoted) {
                continue;
            }
            round += c == '(' ? 1 : c == ')' ? -1 : 0;
            square += c == '[' ? 1 : c == ']' ? -1 : 0;
            curly += c == '{' ? 1 : c == '}' ? -1 : 0;
            if (round < 0 || square < 0 || curly < 0) {
                return false;
            }
        }
        return round == 0 && square == 0 && curly == 0 && !quoted;
    }
}
