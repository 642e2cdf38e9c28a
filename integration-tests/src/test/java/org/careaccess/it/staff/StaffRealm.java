package org.careaccess.it.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.careaccess.it.CareAccessServer;
import org.careaccess.testkit.AdminClient;
import org.careaccess.testkit.AuthenticatorApp;
import org.careaccess.testkit.Browser;
import org.careaccess.testkit.BuildPaths;
import org.careaccess.testkit.Mails;
import org.careaccess.testkit.Mobile;
import org.careaccess.testkit.OidcClient;
import org.careaccess.testkit.Page;
import org.careaccess.testkit.StaffSteps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The {@code staff} realm as tests use it: its staff-portal client, fresh staff accounts, their
 * credentials, mail and texts. Every test makes its own people, numbers and addresses.
 */
final class StaffRealm {

    static final String REALM = "staff";
    static final String PORTAL = "staff-portal";
    static final String PORTAL_REDIRECT = CareAccessServer.STAFF_PORTAL_URL + "/callback";
    static final Duration MAIL_WAIT = Duration.ofSeconds(20);

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z_]+)(?::([^}]*))?}");

    private StaffRealm() {
    }

    static AdminClient admin() {
        return CareAccessServer.admin();
    }

    static OidcClient portal() {
        return new OidcClient(CareAccessServer.server().realmUrl(REALM), PORTAL, CareAccessServer.STAFF_PORTAL_SECRET, PORTAL_REDIRECT);
    }

    static Mails mails() {
        return new Mails(CareAccessServer.mail());
    }

    static String newEmail() {
        return "it-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    /**
     * A mobile number nobody else in the test run uses, patients included (they share the SNS
     * stand-in, and the per-number daily text limit is 10).
     */
    static Mobile newMobile() {
        return Mobile.next();
    }

    /** A staff account with a password and no two-factor authentication yet; returns its id. */
    static String createStaff(String email, String password) {
        return createStaff(email, password, Map.of());
    }

    static String createStaff(String email, String password, Map<String, List<String>> attributes) {
        return createStaffIn(REALM, email, password, attributes);
    }

    static String createStaffIn(String realm, String email, String password, Map<String, List<String>> attributes) {
        return StaffSteps.createStaff(admin(), realm, email, password, attributes);
    }

    static List<String> credentialTypes(String userId) {
        List<String> types = new ArrayList<>();
        admin().get("/realms/" + REALM + "/users/" + userId + "/credentials").expect(200).body().forEach(c -> types.add(c.path("type").asText()));
        return types;
    }

    static int sessionCount(String userId) {
        return admin().get("/realms/" + REALM + "/users/" + userId + "/sessions").expect(200).body().size();
    }

    /** The user's events of these types, newest first. */
    static List<JsonNode> events(String userId, String... types) {
        StringBuilder query = new StringBuilder("/realms/" + REALM + "/events?user=" + userId + "&max=100");
        for (String type : types) {
            query.append("&type=").append(type);
        }
        List<JsonNode> events = new ArrayList<>();
        admin().get(query.toString()).expect(200).body().forEach(events::add);
        return events;
    }

    /** Waits (briefly) until brute-force protection reports the user locked out. */
    static void awaitLockedOut(String userId) {
        long deadline = System.currentTimeMillis() + 10_000;
        while (!admin().get("/realms/" + REALM + "/attack-detection/brute-force/users/" + userId).expect(200).body().path("disabled").asBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("user " + userId + " was not locked out");
            }
            pause(100);
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A staff member who set up text codes and is signed in (with a code) in this browser. */
    record SignedIn(String id, String email, Mobile mobile, Browser browser) {
    }

    static SignedIn staffSignedInWithText(String password) {
        String email = newEmail();
        Mobile mobile = newMobile();
        String id = staffWithText(email, password, mobile);
        Browser browser = CareAccessServer.browser();
        assertBackAtPortalWithCode(signInWithText(browser, email, password, mobile.e164()));
        return new SignedIn(id, email, mobile, browser);
    }

    /** A GET on the account REST API (what the account console shows) with a user's access token. */
    static JsonNode accountApi(String accessToken, String path) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(CareAccessServer.server().realmUrl(REALM) + "/account" + path))
                            .header("Authorization", "Bearer " + accessToken).header("Accept", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return AdminClient.json().readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Page openPortalSignIn(Browser browser) {
        return browser.open(portal().authorizationUri());
    }

    /** Email and password on the staff-signin page; returns the next page (2FA, or set-up). */
    static Page signInWithPassword(Browser browser, String email, String password) {
        return signInWithPassword(browser.open(portal().authorizationUri()), email, password);
    }

    static Page signInWithPassword(Page signIn, String email, String password) {
        return StaffSteps.signInWithPassword(signIn, email, password);
    }

    /** An authenticator app as the person set it up, and the page after its first code. */
    record AppEnrolment(AuthenticatorApp app, Page after) {
    }

    /** From {@code 2fa-choose}: authenticator app, its first code. */
    static AppEnrolment enrolByApp(Page choose) {
        assertThat(choose.careaccessPage()).isEqualTo("2fa-choose");
        Page setUp = choose.form().set("method", "app").submit();
        assertThat(setUp.careaccessPage()).isEqualTo("2fa-app");
        AuthenticatorApp app = new AuthenticatorApp(setUp.document().selectFirst("#app-key").text());
        return new AppEnrolment(app, setUp.form().set("code", app.currentCode()).submit());
    }

    /** From {@code 2fa-choose}: text message, this number, the texted code; returns the page after. */
    static Page enrolByText(Page choose, Mobile mobile) {
        return StaffSteps.enrolByText(choose, mobile.typed(), mobile.e164(), CareAccessServer.sns());
    }

    /** Signs in through the portal with password and a texted code; returns the redirect to the portal. */
    static Page signInWithText(Browser browser, String email, String password, String e164) {
        Page code = signInWithPassword(browser, email, password);
        assertThat(code.careaccessPage()).isEqualTo("2fa-sms-code");
        return code.form().set("code", CareAccessServer.sns().latestCodeTo(e164)).submit();
    }

    /** A staff account that has set up text-message codes; returns its id. */
    static String staffWithText(String email, String password, Mobile mobile) {
        String id = createStaff(email, password);
        Page done = enrolByText(signInWithPassword(CareAccessServer.browser(), email, password), mobile);
        assertThat(done.isRedirect()).as("back to the portal after set-up: %s", done).isTrue();
        return id;
    }

    /**
     * A client of its own whose browser flow is a copy of the realm's {@code careaccess staff}, with
     * these settings on the sign-in step (and without the two-factor step unless {@code withTwoFactor}):
     * tests change limits there instead of on the shared flow.
     */
    static OidcClient clientWithOwnFlow(String name, Map<String, String> signInConfig, boolean withTwoFactor) {
        String realm = "/realms/" + REALM;
        admin().post(realm + "/authentication/flows/careaccess%20staff/copy", Map.of("newName", name)).expect(201);
        String flowPath = realm + "/authentication/flows/" + name.replace(" ", "%20");
        for (JsonNode execution : admin().get(flowPath + "/executions").expect(200).body()) {
            String provider = execution.path("providerId").asText();
            if (provider.equals("careaccess-staff-signin") && !signInConfig.isEmpty()) {
                admin().post(realm + "/authentication/executions/" + execution.path("id").asText() + "/config",
                        Map.of("alias", name + " sign-in", "config", signInConfig)).expect(201);
            }
            if (provider.equals("careaccess-staff-2fa") && !withTwoFactor) {
                admin().delete(realm + "/authentication/executions/" + execution.path("id").asText()).expect(204);
            }
        }
        String flowId = null;
        for (JsonNode flow : admin().get(realm + "/authentication/flows").expect(200).body()) {
            if (flow.path("alias").asText().equals(name)) {
                flowId = flow.path("id").asText();
            }
        }
        String secret = "secret-" + UUID.randomUUID();
        admin().post(realm + "/clients", Map.of(
                "clientId", name,
                "secret", secret,
                "publicClient", false,
                "standardFlowEnabled", true,
                "redirectUris", List.of(CareAccessServer.STAFF_PORTAL_URL + "/*"),
                "authenticationFlowBindingOverrides", Map.of("browser", flowId))).expect(201);
        return new OidcClient(CareAccessServer.server().realmUrl(REALM), name, secret, PORTAL_REDIRECT);
    }

    /**
     * Creates realm {@code name} from realm-config/staff-realm.json, placeholders filled in as at
     * import, without NHSmail, after {@code change}: for settings that are realm-wide (required
     * actions) and must not change under the other tests. Replaces a realm of that name.
     */
    static void createCopy(String name, Consumer<ObjectNode> change) {
        Map<String, String> values = Map.of(
                "CAREACCESS_BASE_URL", CareAccessServer.server().url(),
                "CAREACCESS_SMTP_PORT", Integer.toString(CareAccessServer.mail().getSmtp().getPort()),
                "CAREACCESS_STAFF_PORTAL_SECRET", CareAccessServer.STAFF_PORTAL_SECRET,
                "CAREACCESS_STAFF_PORTAL_URL", CareAccessServer.STAFF_PORTAL_URL,
                "CAREACCESS_NHSMAIL_CLIENT_SECRET", CareAccessServer.NHSMAIL_CLIENT_SECRET,
                "CAREACCESS_ALLOW_DRAMA_NUMBERS", "true");
        try {
            String json = Files.readString(BuildPaths.path("careaccess.realm.config").resolve("staff-realm.json"));
            String filled = PLACEHOLDER.matcher(json).replaceAll(m -> Matcher.quoteReplacement(
                    values.getOrDefault(m.group(1), m.group(2) == null ? "" : m.group(2))));
            ObjectNode realm = (ObjectNode) AdminClient.json().readTree(filled);
            realm.put("realm", name);
            realm.remove("identityProviders");
            change.accept(realm);
            if (admin().get("/realms/" + name).status() == 200) {
                admin().delete("/realms/" + name).expect(204);
            }
            admin().post("/realms", realm).expect(201);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The staff-portal client of a copy made by {@link #createCopy}. */
    static OidcClient portalOf(String realm) {
        return new OidcClient(CareAccessServer.server().realmUrl(realm), PORTAL, CareAccessServer.STAFF_PORTAL_SECRET, PORTAL_REDIRECT);
    }

    static void assertBackAtPortalWithCode(Page page) {
        assertThat(page.isRedirect()).as("expected a redirect to the portal, got %s:\n%s", page, page.status() < 300 ? page.text() : "").isTrue();
        assertThat(page.location().toString()).startsWith(PORTAL_REDIRECT);
        assertThat(page.locationParameter("code")).isNotBlank();
    }
}
