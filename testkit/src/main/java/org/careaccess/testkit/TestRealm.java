package org.careaccess.testkit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A throw-away realm made through the admin API for tests that need Keycloak's built-in sign-in
 * (username and password form) rather than CareAccess's realms: one confidential client
 * {@value #CLIENT_ID} whose redirect URI lies outside the server, and users made on demand.
 */
public final class TestRealm {

    public static final String CLIENT_ID = "app";
    public static final String CLIENT_SECRET = "app-secret";
    public static final String REDIRECT_URI = "https://app.example.org/callback";

    private final AdminClient admin;
    private final String name;

    private TestRealm(AdminClient admin, String name) {
        this.admin = admin;
        this.name = name;
    }

    /** Creates the realm with its client; {@code settings} are extra realm fields, e.g. brute-force protection. */
    public static TestRealm create(AdminClient admin, String name, Map<String, Object> settings) {
        Map<String, Object> realm = new LinkedHashMap<>();
        realm.put("realm", name);
        realm.put("enabled", true);
        realm.put("clients", List.of(Map.of(
                "clientId", CLIENT_ID,
                "secret", CLIENT_SECRET,
                "publicClient", false,
                "standardFlowEnabled", true,
                "directAccessGrantsEnabled", false,
                "redirectUris", List.of(REDIRECT_URI))));
        realm.putAll(settings);
        admin.post("/realms", realm).expect(201);
        return new TestRealm(admin, name);
    }

    public static TestRealm create(AdminClient admin, String name) {
        return create(admin, name, Map.of());
    }

    public String name() {
        return name;
    }

    /** A user with a complete profile (no update-profile step at sign-in) and these credentials; returns its id. */
    public String user(String username, List<Map<String, Object>> credentials) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", username);
        user.put("enabled", true);
        user.put("email", username + "@example.org");
        user.put("emailVerified", true);
        user.put("firstName", "Test");
        user.put("lastName", "User");
        user.put("credentials", credentials);
        return admin.post("/realms/" + name + "/users", user).expect(201).createdId();
    }

    public String userWithPassword(String username, String password) {
        return user(username, List.of(password(password)));
    }

    /** A password credential for {@link #user}: hashed by the server with the realm's policy. */
    public static Map<String, Object> password(String password) {
        return Map.of("type", "password", "value", password, "temporary", false);
    }

    /** The relying party of this realm, talking to the server at {@code serverUrl}. */
    public OidcClient client(String serverUrl) {
        return new OidcClient(serverUrl + "/realms/" + name, CLIENT_ID, CLIENT_SECRET, REDIRECT_URI);
    }

    /** Opens the client's sign-in page in this browser: Keycloak's username and password form. */
    public Page openSignIn(Browser browser, String serverUrl) {
        return browser.open(client(serverUrl).authorizationUri());
    }

    /** Fills in Keycloak's username and password form. */
    public static Page submitPassword(Page signInPage, String username, String password) {
        return signInPage.form("form#kc-form-login").set("username", username).set("password", password).submit();
    }

    /** Signs in with username and password and follows to the redirect that carries the code back to the client. */
    public Page signIn(Browser browser, String serverUrl, String username, String password) {
        return submitPassword(openSignIn(browser, serverUrl), username, password);
    }

    /** Whether a page is the redirect back to this realm's client with an authorization code. */
    public static boolean isCodeRedirect(Page page) {
        return page.isRedirect() && page.location().toString().startsWith(REDIRECT_URI) && page.locationParameter("code") != null;
    }

    public void delete() {
        admin.delete("/realms/" + name);
    }
}
