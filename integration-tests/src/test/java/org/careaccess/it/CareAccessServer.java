package org.careaccess.it;

import org.careaccess.testkit.AdminClient;
import org.careaccess.testkit.Browser;
import org.careaccess.testkit.BuildPaths;
import org.careaccess.testkit.CareAccessInstall;
import org.careaccess.testkit.KeycloakServer;
import org.careaccess.testkit.SnsStandIn;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The one Keycloak every integration test class shares (a start costs about a minute): the real
 * 26.7.3 distribution, the bundle JAR in providers/, every realm of realm-config/ imported, texts
 * going through the {@code sns} provider to an SNS stand-in, mail to a local SMTP server
 * (GreenMail), as {@link CareAccessInstall} installs it. Started by the first test class that
 * uses it, stopped when the test run ends.
 */
public final class CareAccessServer implements BeforeAllCallback {

    /** Tests use a short send timeout; the 5-second default is pinned down by the unit tests. */
    static final int SMS_TIMEOUT_MILLIS = 3000;

    /** The dev database's account (DevDatabase opens it too). */
    static final String DEV_DATABASE_USER = "careaccess";
    static final String DEV_DATABASE_PASSWORD = "careaccess-it";

    /** Secrets and the portal address of the patients realm's clients (realm-config placeholders). */
    public static final String ISSUER_SECRET = CareAccessInstall.ISSUER_SECRET;
    public static final String PORTAL_SECRET = CareAccessInstall.PORTAL_SECRET;
    public static final String PORTAL_URL = CareAccessInstall.PORTAL_URL;

    /** Secrets for the staff realm's placeholders: its test client and its NHSmail stand-in broker. */
    public static final String STAFF_PORTAL_SECRET = CareAccessInstall.STAFF_PORTAL_SECRET;
    public static final String NHSMAIL_CLIENT_SECRET = CareAccessInstall.NHSMAIL_CLIENT_SECRET;

    private static KeycloakServer server;
    private static SnsStandIn sns;
    private static GreenMail mail;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(CareAccessServer.class, key -> start(), Running.class);
    }

    private static Running start() {
        sns = new SnsStandIn();
        mail = new GreenMail(new ServerSetup(KeycloakServer.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        server = CareAccessInstall.builder(BuildPaths.distribution(), BuildPaths.work().resolve("keycloak"), sns, mail, SMS_TIMEOUT_MILLIS)
                // Lets a test open the dev database while the server runs (DevDatabase), e.g. to age a link.
                .option("--db-url-properties=;AUTO_SERVER=TRUE;DB_CLOSE_ON_EXIT=TRUE")
                .option("--db-username=" + DEV_DATABASE_USER)
                .option("--db-password=" + DEV_DATABASE_PASSWORD)
                .build().start();
        System.out.printf("Keycloak %s started in %d s%n", server.url(), server.startedIn().toSeconds());
        return new Running();
    }

    public static KeycloakServer server() {
        return server;
    }

    public static SnsStandIn sns() {
        return sns;
    }

    /** The SMTP server the realms send mail to; {@code mail().getReceivedMessages()}. */
    public static GreenMail mail() {
        return mail;
    }

    public static AdminClient admin() {
        return server.admin();
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
            sns.close();
            mail.stop();
        }
    }
}
