package org.careaccess.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.careaccess.testkit.AdminClient;
import org.careaccess.testkit.Browser;
import org.careaccess.testkit.BuildPaths;
import org.careaccess.testkit.CareAccessInstall;
import org.careaccess.testkit.KeycloakServer;
import org.careaccess.testkit.LinkIssuerApi;
import org.careaccess.testkit.SnsStandIn;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * One Keycloak version's distribution (unpacked by the build under target/keycloak/) with the one
 * bundle JAR, unchanged, and every realm of realm-config/: started once by a test class, stopped
 * after it.
 */
final class CompatServer {

    private final Path distribution;
    private final SnsStandIn sns;
    private final GreenMail mail;
    private final KeycloakServer server;

    private CompatServer(Path distribution) {
        this.distribution = distribution;
        sns = new SnsStandIn();
        mail = new GreenMail(new ServerSetup(KeycloakServer.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        // The unpacked distribution is this version's own copy under target/: install into it.
        server = CareAccessInstall.builder(distribution, distribution, sns, mail, 3000).build().start();
        System.out.printf("Keycloak %s started in %d s%n", version(), server.startedIn().toSeconds());
    }

    /** {@code minor} as in the build's {@code careaccess.keycloak.<minor>} property, e.g. "26-5". */
    static CompatServer start(String minor) {
        return new CompatServer(BuildPaths.path("careaccess.keycloak." + minor));
    }

    void stop() {
        server.stop();
        sns.close();
        mail.stop();
    }

    /** The version, from the distribution's folder name (keycloak-26.5.6). */
    String version() {
        return distribution.getFileName().toString().replace("keycloak-", "");
    }

    String url() {
        return server.url();
    }

    SnsStandIn sns() {
        return sns;
    }

    AdminClient admin() {
        return server.admin();
    }

    Browser browser() {
        return new Browser(server.url());
    }

    LinkIssuerApi issuer() {
        return LinkIssuerApi.signIn(server.url(), "patients", CareAccessInstall.ISSUER_SECRET);
    }

    List<String> logErrors() {
        return server.log().lines().filter(line -> line.contains(" ERROR ")).toList();
    }

    String log() {
        return server.log();
    }

    /** Keycloak reports this version, loaded the JAR's providers and themes, and imported the realms with their themes. */
    void assertRunsWithTheBundle() {
        JsonNode info = admin().get("/serverinfo").expect(200).body();
        assertThat(info.path("systemInfo").path("version").asText()).isEqualTo(version());
        JsonNode providers = info.path("providers");
        assertThat(names(providers.path("careaccess-sms").path("providers"))).containsExactlyInAnyOrder("log", "sns", "notify");
        assertThat(names(providers.path("authenticator").path("providers"))).contains("careaccess-staff-signin", "careaccess-staff-2fa");
        assertThat(names(providers.path("admin-realm-restapi-extension").path("providers"))).contains("careaccess");
        assertThat(info.path("identityProviders").toString()).contains("careaccess-nhs-login");
        for (String type : List.of("login", "email")) {
            List<String> themes = new ArrayList<>();
            info.path("themes").path(type).forEach(theme -> themes.add(theme.path("name").asText()));
            assertThat(themes).as(type + " themes").contains("careaccess-patient", "careaccess-staff");
        }
        assertThat(admin().get("/realms/patients").expect(200).body().path("loginTheme").asText()).isEqualTo("careaccess-patient");
        assertThat(admin().get("/realms/staff").expect(200).body().path("loginTheme").asText()).isEqualTo("careaccess-staff");
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
