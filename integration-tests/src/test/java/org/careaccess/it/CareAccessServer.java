package org.careaccess.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.careaccess.demoportal.DemoPortal;
import org.careaccess.demoportal.PortalRealm;
import org.careaccess.testkit.AdminClient;
import org.careaccess.testkit.Browser;
import org.careaccess.testkit.CareAccessInstall;
import org.careaccess.testkit.KeycloakServer;
import org.careaccess.testkit.LinkIssuerApi;
import org.careaccess.testkit.OidcClient;
import org.careaccess.testkit.PatientJourney;
import org.careaccess.testkit.SnsStandIn;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The one Keycloak every integration test class shares (a start costs about a minute): the real
 * 26.7.3 distribution, the bundle JAR in providers/, every realm of realm-config/ imported, texts
 * going through the {@code sns} provider to an SNS stand-in, mail to a local SMTP server
 * (GreenMail), metrics on. Realm files find this server's URL in {@code CAREACCESS_BASE_URL} and the SMTP
 * port in {@code CAREACCESS_SMTP_PORT}. Started by the first test class that
 * uses it, stopped when the test run ends.
 */
public final class CareAccessServer implements BeforeAllCallback {

    /** Tests use a short send timeout; the 5-second default is pinned down by the unit tests. */
    static final int SMS_TIMEOUT_MILLIS = 3000;

    /** The dev database's account (DevDatabase opens it too). */
    static final String DEV_DATABASE_USER = "careaccess";
    static final String DEV_DATABASE_PASSWORD = "careaccess-it";

    /** Secrets and the portal address of the patients realm's clients (realm-config placeholders). */
    public static final String ISSUER_SECRET = "it-issuer-secret";
    public static final String PORTAL_SECRET = "it-portal-secret";
    /**
     * The demo portal (demo-portal/) runs in this JVM on this port, as the patients and staff
     * realms' portal clients: Chromium ends a journey there. Scripted browsers follow redirects
     * within the server only, so they stop at the portal, and tests play the portal themselves.
     */
    static final int DEMO_PORTAL_PORT = KeycloakServer.freePort();
    public static final String PORTAL_URL = "http://localhost:" + DEMO_PORTAL_PORT + "/patients";
    public static final String STAFF_PORTAL_URL = "http://localhost:" + DEMO_PORTAL_PORT + "/staff";

    /** Secrets for the staff realm's placeholders: its test client and its NHSmail stand-in broker. */
    public static final String STAFF_PORTAL_SECRET = "it-staff-portal-secret";
    public static final String NHSMAIL_CLIENT_SECRET = "it-nhsmail-broker-secret";
    /** The bearer token GOV.UK Notify's delivery callback brings (LinkTextsIT). */
    public static final String NOTIFY_CALLBACK_TOKEN = "it-notify-callback-token";

    /** What the realm files' client placeholders are set to on this server. */
    static final CareAccessInstall.Clients CLIENTS = new CareAccessInstall.Clients(ISSUER_SECRET, PORTAL_SECRET, PORTAL_URL,
            STAFF_PORTAL_SECRET, STAFF_PORTAL_URL, NHSMAIL_CLIENT_SECRET);

    /** A patient's journey through this server's patients realms, the demo portal as their portal. */
    private static final PatientJourney JOURNEY = new PatientJourney(() -> server().url(), CareAccessServer::sns, CLIENTS);

    private static KeycloakServer server;
    private static SnsStandIn sns;
    private static GreenMail mail;
    private static DemoPortal portal;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(CareAccessServer.class, key -> start(), Running.class);
    }

    private static Running start() {
        sns = new SnsStandIn();
        mail = new GreenMail(new ServerSetup(KeycloakServer.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        int httpPort = KeycloakServer.freePort();
        portal = DemoPortal.start("localhost", DEMO_PORTAL_PORT, "http://localhost:" + httpPort, List.of(
                PortalRealm.patients("patients", "patient-portal", PORTAL_SECRET),
                PortalRealm.staff("staff", "staff-portal", STAFF_PORTAL_SECRET)));
        KeycloakServer.Builder builder = CareAccessInstall.configure(
                        KeycloakServer.builder(path("careaccess.keycloak.dist"), path("careaccess.work").resolve("keycloak")),
                        "http://localhost:" + httpPort, sns, mail, SMS_TIMEOUT_MILLIS,
                        CLIENTS)
                .httpPort(httpPort)
                .provider(path("careaccess.jar"))
                // Child themes of the tests (src/test/resources/themes), as an organisation adds its own.
                .option("--spi-theme--folder--dir=" + testThemes())
                // /metrics on the management port, with CareAccess's counters (MetricsIT).
                .option("--metrics-enabled=true")
                .option("--spi-realm-restapi-extension--careaccess--notify-callback-token=" + NOTIFY_CALLBACK_TOKEN)
                // Lets a test open the dev database while the server runs (DevDatabase), e.g. to age a link.
                .option("--db-url-properties=;AUTO_SERVER=TRUE;DB_CLOSE_ON_EXIT=TRUE")
                .option("--db-username=" + DEV_DATABASE_USER)
                .option("--db-password=" + DEV_DATABASE_PASSWORD);
        for (Path realm : realmFiles()) {
            builder.importRealm(realm);
        }
        server = builder.build().start();
        System.out.printf("Keycloak %s started in %d s%n", server.url(), server.startedIn().toSeconds());
        return new Running();
    }

    private static Path testThemes() {
        try {
            return Path.of(CareAccessServer.class.getResource("/themes").toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path[] realmFiles() {
        try (Stream<Path> files = Files.list(path("careaccess.realm.config"))) {
            return files.filter(f -> f.getFileName().toString().endsWith("-realm.json")).sorted().toArray(Path[]::new);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path path(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("system property " + property + " is not set: run the integration tests with ./mvnw verify");
        }
        return Path.of(value);
    }

    public static KeycloakServer server() {
        return server;
    }

    public static SnsStandIn sns() {
        return sns;
    }

    /** What a patient does with a texted link on this server, and what the issuer, texts and portal see. */
    public static PatientJourney journey() {
        return JOURNEY;
    }

    /** The SMTP server the realms send mail to; {@code mail().getReceivedMessages()}. */
    public static GreenMail mail() {
        return mail;
    }

    public static AdminClient admin() {
        return server.admin();
    }

    /** The issuer API as a new client of the patients realm sees it: a service account without the issuer role. */
    public static LinkIssuerApi issuerWithoutTheRole() {
        String clientId = "no-role-" + UUID.randomUUID();
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("clientId", clientId);
        client.put("secret", "no-role-secret");
        client.put("publicClient", false);
        client.put("standardFlowEnabled", false);
        client.put("serviceAccountsEnabled", true);
        admin().post("/realms/patients/clients", client).expect(201);
        return journey().issuerWithToken(new OidcClient(server.realmUrl("patients"), clientId, "no-role-secret", null)
                .clientCredentials().path("access_token").asText());
    }

    /** A new browser with no cookies, following redirects within the server. */
    public static Browser browser() {
        return new Browser(server.url());
    }

    /** Stops everything when the whole test run is over. */
    private static final class Running implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            server.stop();
            portal.close();
            sns.close();
            mail.stop();
        }
    }
}
