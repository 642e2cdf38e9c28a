package org.careaccess.testkit;

import java.nio.file.Path;

import com.icegreen.greenmail.util.GreenMail;

/**
 * A Keycloak installed the way the integration and compatibility tests run CareAccess: the bundle
 * JAR in providers/, every realm of realm-config/ imported, texts going through the {@code sns}
 * provider to an SNS stand-in, mail to a local SMTP server. Realm files find the server's URL in
 * {@code CAREACCESS_BASE_URL}, the SMTP port in {@code CAREACCESS_SMTP_PORT} and the secrets below
 * in their placeholders.
 */
public final class CareAccessInstall {

    /** Secrets and the portal address of the patients realm's clients (realm-config placeholders). */
    public static final String ISSUER_SECRET = "it-issuer-secret";
    public static final String PORTAL_SECRET = "it-portal-secret";
    /** Not served: the scripted browser stops at the redirect back to the portal, which carries the code. */
    public static final String PORTAL_URL = "https://portal.example.org";

    /** Secrets for the staff realm's placeholders: its test client and its NHSmail stand-in broker. */
    public static final String STAFF_PORTAL_SECRET = "it-staff-portal-secret";
    public static final String NHSMAIL_CLIENT_SECRET = "it-nhsmail-broker-secret";

    /** The staff realm's test client and where it sends people back to (not served). */
    public static final String STAFF_PORTAL = "staff-portal";
    public static final String STAFF_PORTAL_REDIRECT = "https://staff-portal.example.org/callback";

    /**
     * What the realm files' client placeholders are set to: secrets, and where the portals are
     * ({@code staffPortalUrl} null: the realm file's default).
     */
    public record Clients(String issuerSecret, String portalSecret, String portalUrl, String staffPortalSecret,
                          String staffPortalUrl, String nhsmailClientSecret) {

        /** The secrets above, the patients' portal not served. */
        public static final Clients TESTS = new Clients(ISSUER_SECRET, PORTAL_SECRET, PORTAL_URL, STAFF_PORTAL_SECRET, null,
                NHSMAIL_CLIENT_SECRET);
    }

    private CareAccessInstall() {
    }

    /** The patients realm's portal client on the server at {@code serverUrl}. */
    public static OidcClient patientPortal(String serverUrl) {
        return new OidcClient(serverUrl + "/realms/patients", "patient-portal", PORTAL_SECRET, PORTAL_URL + "/");
    }

    /** The staff realm's portal client on the server at {@code serverUrl}. */
    public static OidcClient staffPortal(String serverUrl) {
        return new OidcClient(serverUrl + "/realms/staff", STAFF_PORTAL, STAFF_PORTAL_SECRET, STAFF_PORTAL_REDIRECT);
    }

    /** The distribution at {@code distribution} installed into {@code home}, not yet built or started. */
    public static KeycloakServer.Builder builder(Path distribution, Path home, SnsStandIn sns, GreenMail mail, int smsTimeoutMillis) {
        int httpPort = KeycloakServer.freePort();
        KeycloakServer.Builder builder = configure(KeycloakServer.builder(distribution, home), "http://localhost:" + httpPort,
                sns, mail, smsTimeoutMillis, Clients.TESTS)
                .httpPort(httpPort)
                .provider(BuildPaths.bundleJar());
        for (Path realm : BuildPaths.realmFiles()) {
            builder.importRealm(realm);
        }
        return builder;
    }

    /**
     * The one place that sets what CareAccess needs on a test server, single or a cluster's node:
     * texts to the gateway stand-in (SNS's, or Notify's where a test needs it), and the realm files' placeholders (this server's public URL, the
     * SMTP port, drama-range numbers allowed, the clients' secrets and portals).
     */
    public static KeycloakServer.Builder configure(KeycloakServer.Builder server, String baseUrl, TextGatewayStandIn texts, GreenMail mail,
                                                   int smsTimeoutMillis, Clients clients) {
        texts.receiveTextsOf(server, smsTimeoutMillis)
                .env("CAREACCESS_ALLOW_DRAMA_NUMBERS", "true")
                .env("CAREACCESS_BASE_URL", baseUrl)
                .env("CAREACCESS_SMTP_PORT", Integer.toString(mail.getSmtp().getPort()))
                .env("CAREACCESS_ISSUER_SECRET", clients.issuerSecret())
                .env("CAREACCESS_PORTAL_SECRET", clients.portalSecret())
                .env("CAREACCESS_PORTAL_URL", clients.portalUrl())
                .env("CAREACCESS_STAFF_PORTAL_SECRET", clients.staffPortalSecret())
                .env("CAREACCESS_NHSMAIL_CLIENT_SECRET", clients.nhsmailClientSecret());
        if (clients.staffPortalUrl() != null) {
            server.env("CAREACCESS_STAFF_PORTAL_URL", clients.staffPortalUrl());
        }
        return server;
    }
}
