package org.careaccess.keycloak.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Opens the JAR organisations install and proves it is one self-contained, well-behaved provider
 * JAR: our services and themes are registered, every class is ours or relocated under
 * org.careaccess.keycloak.shaded, and nothing Keycloak ships is bundled a second time.
 */
class BundleJarIT {

    private static final Path JAR = Path.of(System.getProperty("careaccess.jar"));
    private static final String OURS = "org/careaccess/keycloak/";
    private static final String SHADED = OURS + "shaded/";
    /** What the JAR may grow to before someone has to look at what got bundled. */
    private static final long MAX_BYTES = 12L * 1024 * 1024;

    private static JarFile jar;
    private static List<String> entries;

    @BeforeAll
    static void open() throws IOException {
        jar = new JarFile(JAR.toFile());
        entries = jar.stream().map(JarEntry::getName).toList();
    }

    @AfterAll
    static void close() throws IOException {
        jar.close();
    }

    @Test
    void registersTheSmsSpiAndItsThreeProviders() throws IOException {
        assertThat(lines("META-INF/services/org.keycloak.provider.Spi"))
                .contains("org.careaccess.keycloak.sms.SmsSenderSpi");
        assertThat(lines("META-INF/services/org.careaccess.keycloak.sms.SmsSenderFactory")).containsExactlyInAnyOrder(
                "org.careaccess.keycloak.sms.LogSmsSenderFactory",
                "org.careaccess.keycloak.sms.SnsSmsSenderFactory",
                "org.careaccess.keycloak.sms.NotifySmsSenderFactory");
    }

    @Test
    void registersTheGlobalMetricsEventListener() throws IOException {
        assertThat(lines("META-INF/services/org.keycloak.events.EventListenerProviderFactory"))
                .containsExactly("org.careaccess.keycloak.metrics.MetricsEventListenerProviderFactory");
    }

    @Test
    void everyRegisteredServiceIsAClassInTheJar() throws IOException {
        for (String services : entries.stream().filter(e -> e.startsWith("META-INF/services/") && !e.endsWith("/")).toList()) {
            for (String implementation : lines(services)) {
                assertThat(entries).as("%s lists %s", services, implementation)
                        .contains(implementation.replace('.', '/') + ".class");
            }
        }
    }

    @Test
    void carriesBeansXmlSoRestResourcesAnswer() {
        // Without it Keycloak's REST layer answers 405 to every CareAccess resource.
        assertThat(entries).contains("META-INF/beans.xml");
    }

    @Test
    void carriesBothThemesWithLoginAndEmailTypes() throws IOException {
        String themes = text("META-INF/keycloak-themes.json");
        assertThat(themes).contains("\"careaccess-patient\"", "\"careaccess-staff\"", "\"login\"", "\"email\"");
        for (String theme : List.of("careaccess-patient", "careaccess-staff")) {
            assertThat(entries).contains("theme/" + theme + "/login/theme.properties", "theme/" + theme + "/email/theme.properties");
        }
        assertThat(entries).contains(
                "theme/careaccess/common/template.ftl",
                "theme/careaccess/common/messages/messages_en.properties",
                "theme/careaccess/common/messages/messages_cy.properties",
                "theme/careaccess/common/resources/nhsuk/nhsuk-frontend.min.css");
    }

    @Test
    void everyClassIsOursOrRelocated() {
        List<String> foreign = entries.stream()
                .filter(e -> e.endsWith(".class"))
                .filter(e -> !e.startsWith(OURS))
                .toList();
        assertThat(foreign).as("classes outside org.careaccess.keycloak").isEmpty();
    }

    @Test
    void bundlesNothingKeycloakAlreadyShips() {
        List<String> shippedByKeycloak = List.of("com/fasterxml/jackson/", "org/jboss/logging/", "org/apache/http/",
                "org/apache/commons/", "org/keycloak/", "org/slf4j/", "org/reactivestreams/", "io/netty/", "com/google/zxing/",
                "io/micrometer/", "org/HdrHistogram/", "org/LatencyUtils/");
        for (String prefix : shippedByKeycloak) {
            assertThat(entries).as("bundled copies of %s", prefix)
                    .noneMatch(e -> e.startsWith(prefix) || e.startsWith(SHADED + prefix));
        }
    }

    @Test
    void hasNoApplicationPropertiesForQuarkusToPickUp() {
        assertThat(entries).doesNotContain("application.properties", "META-INF/microprofile-config.properties");
    }

    @Test
    void theRelocatedPhoneNumberLibraryStillFindsItsMetadata() throws Exception {
        // libphonenumber loads its metadata by resource path; relocation must have moved both.
        try (URLClassLoader loader = new URLClassLoader(new URL[] {JAR.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            Class<?> util = loader.loadClass("org.careaccess.keycloak.shaded.com.google.i18n.phonenumbers.PhoneNumberUtil");
            Object instance = util.getMethod("getInstance").invoke(null);
            Method parse = util.getMethod("parse", CharSequence.class, String.class);
            Object number = parse.invoke(instance, "020 7946 0123", "GB");
            Object type = util.getMethod("getNumberType", number.getClass()).invoke(instance, number);
            assertThat(type).hasToString("FIXED_LINE");
        }
    }

    @Test
    void reportsItsSize() throws IOException {
        long bytes = Files.size(JAR);
        String report = String.format(Locale.ROOT, "%s: %d bytes (%.1f MiB), %d entries%n",
                JAR.getFileName(), bytes, bytes / 1024.0 / 1024.0, entries.size());
        System.out.print(report);
        Files.writeString(Path.of(System.getProperty("careaccess.size.report")), report);
        assertThat(bytes).isLessThan(MAX_BYTES);
    }

    private static String text(String entry) throws IOException {
        JarEntry found = jar.getJarEntry(entry);
        assertThat(found).as(entry).isNotNull();
        try (InputStream in = jar.getInputStream(found)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<String> lines(String entry) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line : text(entry).split("\n")) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                lines.add(trimmed);
            }
        }
        return lines;
    }
}
