package org.careaccess.demoportal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

/**
 * The demo portal: one small web server that is the patient portal and the staff portal of a
 * CareAccess Keycloak, each realm under its own path. A real OpenID Connect relying party
 * (authorization code with PKCE, state and nonce; ID tokens verified against the realm's keys)
 * built on the Nimbus OAuth 2.0 SDK. It shows what a real portal would use from the tokens.
 */
public final class DemoPortal implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads;
    private final String url;

    private DemoPortal(HttpServer server, ExecutorService threads, String url) {
        this.server = server;
        this.threads = threads;
        this.url = url;
    }

    /**
     * Starts the portal on {@code host:port}, for the Keycloak at {@code keycloakUrl} (which it
     * asks for each realm's metadata on first use, so it may start before Keycloak does).
     */
    public static DemoPortal start(String host, int port, String keycloakUrl, List<PortalRealm> realms) {
        String url = "http://" + host + ":" + port;
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
            for (PortalRealm realm : realms) {
                String base = url + "/" + realm.realm();
                RelyingParty party = new RelyingParty(keycloakUrl + "/realms/" + realm.realm(), realm, base);
                server.createContext("/" + realm.realm() + "/", new RealmPortal(realm, party, base));
            }
            ExecutorService threads = Executors.newFixedThreadPool(8);
            server.setExecutor(threads);
            server.start();
            return new DemoPortal(server, threads, url);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + host + ":" + port, e);
        }
    }

    /** {@code http://host:port}; realm {@code r}'s portal is at {@code url() + "/r/"}. */
    public String url() {
        return url;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    /**
     * {@code java -jar careaccess-demo-portal.jar}, configured by environment variables (demo.sh
     * sets them): the realms {@code patients} (client patient-portal) and {@code staff} (client
     * staff-portal) of the Keycloak at {@code CAREACCESS_KEYCLOAK_URL}.
     */
    public static void main(String[] args) {
        int port = Integer.parseInt(env("CAREACCESS_DEMO_PORTAL_PORT", "3000"));
        String keycloak = env("CAREACCESS_KEYCLOAK_URL", "http://localhost:8080");
        DemoPortal portal = start(env("CAREACCESS_DEMO_PORTAL_HOST", "localhost"), port, keycloak, List.of(
                PortalRealm.patients("patients", "patient-portal", env("CAREACCESS_PORTAL_SECRET", "demo-portal-secret")),
                PortalRealm.staff("staff", "staff-portal", env("CAREACCESS_STAFF_PORTAL_SECRET", "demo-staff-portal-secret"))));
        System.out.println("Demo portal on " + portal.url() + "/patients/ and " + portal.url() + "/staff/ for " + keycloak);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
