package org.careaccess.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.careaccess.testkit.AdminClient;
import org.careaccess.testkit.Browser;
import org.careaccess.testkit.BuildPaths;
import org.careaccess.testkit.CareAccessInstall;
import org.careaccess.testkit.KeycloakServer;
import org.careaccess.testkit.PatientJourney;
import org.careaccess.testkit.PostgresDatabase;
import org.careaccess.testkit.ProductionKeycloak;
import org.careaccess.testkit.SnsStandIn;
import org.careaccess.testkit.TcpProxy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The two-node cluster every cluster test class shares: Keycloak 26.7.3 in production mode
 * ({@code kc.sh build} once, then {@code start --optimized}) with the bundle JAR, on a fresh
 * PostgreSQL database made for this run and dropped after it. Node A imports realm-config/;
 * node B joins. Both reach PostgreSQL through {@link #databaseLink()}, a proxy a test can cut,
 * and are reached through {@link #front()}, a load balancer a test steers with
 * {@link #routeTo(KeycloakServer)}; every URL the nodes make points at the front, as behind a
 * real load balancer. Both text through the {@code sns} provider to one {@link SnsStandIn} and
 * mail to one SMTP server, so a code texted through node A can be typed in on node B.
 *
 * <p>A test that stops or kills a node must leave it stopped only if it is the last to need it:
 * each test class starts whatever node an earlier class left stopped.
 */
public final class ClusterNodes implements BeforeAllCallback {

    /** Tests use a short send timeout; the 5-second default is pinned down by the unit tests. */
    static final int SMS_TIMEOUT_MILLIS = 3000;

    /**
     * Every node runs the retention purge this often (the default is an hour), so a test sees
     * several purges in a minute; its skips are logged at debug, so a test can see both nodes try.
     */
    static final int RETENTION_INTERVAL_SECONDS = 5;
    /** The cluster-wide rate of link texts (LinkTextDrainClusterIT), and their lease: the shortest allowed. */
    static final int LINK_TEXTS_PER_SECOND = 20;
    static final int LINK_TEXT_LEASE_SECONDS = 30;

    /** Secrets and the portal address for the realm files' placeholders (as the integration tests' server). */
    static final String ISSUER_SECRET = "cluster-issuer-secret";
    static final String PORTAL_SECRET = "cluster-portal-secret";
    /** Not served: a browser stops at the redirect back to the portal, which carries the code. */
    static final String PORTAL_URL = "https://portal.example.org";
    static final String STAFF_PORTAL_SECRET = "cluster-staff-portal-secret";

    private static final Pattern CLUSTER_VIEW = Pattern.compile("ISPN000094: Received new cluster view for channel \\S+: \\[[^\\]]*] \\((\\d+)\\) \\[([^\\]]*)]");

    /** What the realm files' client placeholders are set to on both nodes. */
    static final CareAccessInstall.Clients CLIENTS = new CareAccessInstall.Clients(ISSUER_SECRET, PORTAL_SECRET, PORTAL_URL,
            STAFF_PORTAL_SECRET, null, CareAccessInstall.NHSMAIL_CLIENT_SECRET);

    /** A patient's journey through the front, whichever node {@link #routeTo} last chose. */
    private static final PatientJourney JOURNEY = new PatientJourney(ClusterNodes::frontUrl, ClusterNodes::sns, CLIENTS);

    private static PostgresDatabase database;
    private static TcpProxy databaseLink;
    private static TcpProxy front;
    private static SnsStandIn sns;
    private static GreenMail mail;
    private static KeycloakServer nodeA;
    private static KeycloakServer nodeB;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(ClusterNodes.class, key -> start(), Running.class);
        startStopped();
    }

    private static Running start() {
        Running running = new Running();
        try {
            return start(running);
        } catch (RuntimeException | Error e) {
            running.close();
            throw e;
        }
    }

    private static Running start(Running running) {
        Path work = BuildPaths.work();
        Instant began = Instant.now();
        database = PostgresDatabase.createFresh("careaccess_cluster");
        databaseLink = new TcpProxy(database.host(), database.port());
        front = new TcpProxy("127.0.0.1", 0);
        sns = new SnsStandIn();
        mail = new GreenMail(new ServerSetup(KeycloakServer.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();

        ProductionKeycloak keycloak = ProductionKeycloak.build(BuildPaths.distribution(), BuildPaths.bundleJar(), work, SnsStandIn.SNS_PROVIDER_OPTION);
        Duration built = Duration.between(began, Instant.now());
        KeycloakServer.Builder a = careAccess(keycloak.node(work, "node-a", database, "127.0.0.1", databaseLink.port(), frontUrl()));
        for (Path realm : BuildPaths.realmFiles()) {
            a.importRealm(realm);
        }
        nodeA = a.build();
        nodeB = careAccess(keycloak.node(work, "node-b", database, "127.0.0.1", databaseLink.port(), frontUrl())).build();
        routeTo(nodeA);
        // Node A first: it creates the schema and imports the realms; B then joins.
        nodeA.start();
        nodeB.start();
        awaitOneClusterOfTwo();
        System.out.printf("Cluster on database %s: built in %d s, node A started in %d s, node B in %d s%n",
                database.name(), built.toSeconds(), nodeA.startedIn().toSeconds(), nodeB.startedIn().toSeconds());
        return running;
    }

    /** What CareAccess needs on every node, set where the single test server's is. */
    private static KeycloakServer.Builder careAccess(KeycloakServer.Builder node) {
        return CareAccessInstall.configure(node, frontUrl(), sns, mail, SMS_TIMEOUT_MILLIS, CLIENTS)
                .option("--spi-careaccess-retention--default--interval=" + RETENTION_INTERVAL_SECONDS)
                .option("--spi-realm-restapi-extension--careaccess--link-texts-per-second=" + LINK_TEXTS_PER_SECOND)
                .option("--spi-realm-restapi-extension--careaccess--link-text-lease-seconds=" + LINK_TEXT_LEASE_SECONDS)
                .option("--log-level=INFO,org.careaccess.keycloak.retention:debug");
    }

    /** Starts whichever nodes are not running, one after the other, and waits until they form one cluster. */
    static void startStopped() {
        Stream.of(nodeA, nodeB).filter(node -> !node.isRunning()).forEach(KeycloakServer::start);
        awaitOneClusterOfTwo();
    }

    /**
     * Stops both nodes the way an operator would, then starts them again one after the other.
     * Started at the same instant, two nodes each found no coordinator in jgroups_ping and formed
     * two one-node clusters (seen here with 26.7.3), so nodes are started one at a time.
     */
    static void restartBoth() {
        nodeB.stop();
        nodeA.stop();
        startStopped();
    }

    /** Waits (up to 60 s) until both nodes' latest Infinispan view holds both of them. */
    static void awaitOneClusterOfTwo() {
        Instant deadline = Instant.now().plusSeconds(60);
        while (!(clusterView(nodeA).size() == 2 && clusterView(nodeB).size() == 2)) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the nodes did not form one cluster: A sees " + clusterView(nodeA) + ", B sees " + clusterView(nodeB));
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    public static KeycloakServer nodeA() {
        return nodeA;
    }

    public static KeycloakServer nodeB() {
        return nodeB;
    }

    /** The load balancer in front of both nodes. */
    public static TcpProxy front() {
        return front;
    }

    /** The one URL clients and browsers use, whichever node serves them. */
    public static String frontUrl() {
        return "http://localhost:" + front.port();
    }

    /** Sends every later request through the front to this node, as a load balancer failing over. */
    public static void routeTo(KeycloakServer node) {
        front.forwardTo(node.httpPort());
    }

    /** The proxy both nodes reach PostgreSQL through: {@code cut()} it for a database outage. */
    public static TcpProxy databaseLink() {
        return databaseLink;
    }

    public static PostgresDatabase database() {
        return database;
    }

    public static SnsStandIn sns() {
        return sns;
    }

    public static GreenMail mail() {
        return mail;
    }

    /** The admin API through the front ({@code nodeA().admin()} for one node's own). */
    public static AdminClient admin() {
        return new AdminClient(frontUrl(), KeycloakServer.ADMIN_USERNAME, KeycloakServer.ADMIN_PASSWORD);
    }

    /** What a patient does with a texted link through the front, and what the issuer, texts and portal see. */
    public static PatientJourney journey() {
        return JOURNEY;
    }

    /** A new browser with no cookies, following redirects within the front. */
    public static Browser browser() {
        return new Browser(frontUrl());
    }

    /** The members of the latest Infinispan cluster view this node logged, e.g. {@code [node-a, node-b]}. */
    public static List<String> clusterView(KeycloakServer node) {
        Matcher view = CLUSTER_VIEW.matcher(node.log());
        List<String> members = List.of();
        while (view.find()) {
            members = Stream.of(view.group(2).split(",")).map(member -> member.trim().replaceAll("\\(.*\\)$", "")).toList();
        }
        return members;
    }

    /** Stops everything and drops the database when the whole test run is over, or when start-up failed. */
    private static final class Running implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            Stream.of(nodeB, nodeA).filter(node -> node != null).forEach(KeycloakServer::stop);
            Stream.of(front, databaseLink).filter(proxy -> proxy != null).forEach(TcpProxy::close);
            if (sns != null) {
                sns.close();
            }
            if (mail != null) {
                mail.stop();
            }
            if (database != null) {
                database.close();
            }
        }
    }
}
