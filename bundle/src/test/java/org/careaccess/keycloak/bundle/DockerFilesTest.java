package org.careaccess.keycloak.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * No Docker engine runs where these tests run, so the Docker files are checked statically: the
 * image's Keycloak is the pom's, the JAR it copies is the one the build makes, and the compose
 * file parses into PostgreSQL plus two Keycloak nodes.
 */
class DockerFilesTest {

    private static final Path ROOT = Path.of(System.getProperty("careaccess.project.root"));
    private static final String KEYCLOAK_VERSION = System.getProperty("careaccess.keycloak.version");
    private static final String JAR_NAME = System.getProperty("careaccess.jar.name");

    @Test
    void theImageIsBuiltFromTheKeycloakVersionOfThePom() throws IOException {
        Matcher from = Pattern.compile("(?m)^FROM quay\\.io/keycloak/keycloak:(\\S+)").matcher(dockerfile());
        int images = 0;
        while (from.find()) {
            assertThat(from.group(1)).isEqualTo(KEYCLOAK_VERSION);
            images++;
        }
        assertThat(images).as("FROM lines").isEqualTo(2);
    }

    @Test
    void theImageInstallsTheBundleJarAndBuildsTheServer() throws IOException {
        String dockerfile = dockerfile();
        assertThat(dockerfile).contains("COPY bundle/target/" + JAR_NAME + " /opt/keycloak/providers/")
                .contains("RUN /opt/keycloak/bin/kc.sh build");
    }

    @Test
    @SuppressWarnings("unchecked")
    void composeRunsPostgresAndTwoKeycloakNodesOnIt() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker/docker-compose.yml")));
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");

        assertThat(services).containsOnlyKeys("postgres", "keycloak-1", "keycloak-2");
        for (String node : List.of("keycloak-1", "keycloak-2")) {
            Map<String, Object> service = services.get(node);
            Map<String, String> build = (Map<String, String>) service.get("build");
            Map<String, String> environment = (Map<String, String>) service.get("environment");
            assertThat(build).containsEntry("dockerfile", "docker/Dockerfile");
            assertThat(environment.get("KC_DB_URL")).startsWith("jdbc:postgresql://postgres:5432/");
            assertThat((List<String>) service.get("command")).contains("start", "--optimized");
            assertThat((Map<String, Object>) service.get("depends_on")).containsKey("postgres");
        }
    }

    /**
     * An optimized server refuses to start when a build-time option is set differently at run
     * time: those belong in the Dockerfile's build stage (choosing the SMS provider is one).
     */
    @Test
    @SuppressWarnings("unchecked")
    void composeSetsNoBuildTimeOptionAtRunTime() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker/docker-compose.yml")));
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");

        for (String node : List.of("keycloak-1", "keycloak-2")) {
            Map<String, String> environment = (Map<String, String>) services.get(node).get("environment");
            assertThat(environment.keySet()).as(node).noneMatch(name -> name.equals("KC_DB") || name.startsWith("KC_FEATURES")
                    || name.equals("KC_HEALTH_ENABLED") || name.equals("KC_METRICS_ENABLED")
                    || name.matches("KC_SPI_[A-Z_]+__PROVIDER(_DEFAULT)?"));
        }
        assertThat(dockerfile()).contains("KC_SPI_CAREACCESS_SMS__PROVIDER=").contains("COPY docker/quarkus.properties /opt/keycloak/conf/");
    }

    private static String dockerfile() throws IOException {
        return Files.readString(ROOT.resolve("docker/Dockerfile"));
    }
}
