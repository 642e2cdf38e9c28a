package org.careaccess.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careaccess.cluster.ClusterNodes.admin;
import static org.careaccess.cluster.ClusterNodes.browser;
import static org.careaccess.cluster.ClusterNodes.frontUrl;
import static org.careaccess.cluster.ClusterNodes.journey;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.careaccess.testkit.Browser;
import org.careaccess.testkit.FuzzInputs;
import org.careaccess.testkit.JsonApi;
import org.careaccess.testkit.LinkIssuerApi;
import org.careaccess.testkit.OidcClient;
import org.careaccess.testkit.Page;
import org.careaccess.testkit.PatientJourney;
import org.careaccess.testkit.SafeAnswers;
import org.careaccess.testkit.TestPatients;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The fuzz catalogue ({@link FuzzInputs}) against every CareAccess form and endpoint, through the
 * cluster: the date of birth and security code forms, the texted link, the issuer API, the staff
 * sign-in page, the staff sign-in link and the support desk's reset. Every case gets a clear 4xx
 * or the form again with a message: never a 5xx, never internals, nothing hostile echoed
 * unescaped, nobody signed in and nothing stored by a refused request.
 */
@ExtendWith(ClusterNodes.class)
class CareAccessFuzzIT {

    /** A patients realm copy where wrong tries never lock, so every case meets the same form. */
    private static final String PATIENTS = "cluster-fuzz";
    private static final String STAFF = "staff";
    private static final String STAFF_REDIRECT = "https://staff-portal.example.org/callback";
    /** Fields of the issuer API that take any text (within a length), so a hostile value may be stored as text. */
    private static final Set<String> ACCEPTS_ANY_TEXT = Set.of("givenName", "familyName", "resource");
    private static final Set<String> OPTIONAL = Set.of("nhsNumber", "givenName", "familyName", "resource", "expiresInDays");

    private static LinkIssuerApi.IssuedLink link;
    private static LinkIssuerApi issuer;

    @BeforeAll
    static void realmAndLink() {
        journey().createRealmCopy(PATIENTS, Map.of(
                "careaccess date of birth", Map.of("dateOfBirthMaxAttempts", "100000", "dateOfBirthMaxWrongDatesPerLink", "100000"),
                "careaccess security code", Map.of("codeMaxAttempts", "100000")), Map.of("bruteForceProtected", false));
        issuer = journey().issuer(PATIENTS);
        link = issuer.issue(PatientJourney.BORN);
        journey().signedInFirstDevice(link);
    }

    @Test
    void everyDateOfBirthCaseGetsTheFormAgainWithAMessage() {
        // A real date, one day off the patient's: each case gets a GOV.UK error or "does not match".
        Map<String, String> valid = new LinkedHashMap<>();
        valid.put("dob-day", "14");
        valid.put("dob-month", "3");
        valid.put("dob-year", "1984");
        List<String> failures = new ArrayList<>();

        FuzzRuns.formCases(failures, valid, () -> journey().open(browser(), link).form(), answer -> {
            assertThat(answer.careaccessPage()).as("the form again: " + answer).isEqualTo("dob");
            assertThat(answer.errors()).as("with a message").isNotEmpty();
        });
        FuzzRuns.wrongMethodsAndMalformedBodies(failures, ClusterNodes::browser, b -> journey().open(b, link).form().action());

        assertThat(failures).isEmpty();
    }

    @Test
    void everySecurityCodeCaseGetsTheFormAgainWithAMessageAndSignsNobodyIn() {
        List<String> failures = new ArrayList<>();

        FuzzRuns.formCases(failures, Map.of("code", "000000"), CareAccessFuzzIT::codeForm, answer -> {
            assertThat(answer.careaccessPage()).as("the form again: " + answer).isEqualTo("code");
            assertThat(answer.errors()).as("with a message").isNotEmpty();
        });
        FuzzRuns.formCases(failures, Map.of("resend", "true"), CareAccessFuzzIT::codeForm, answer -> {
            assertThat(answer.isRedirect()).as("signs nobody in: " + answer).isFalse();
            assertThat(answer.careaccessPage()).as(answer.toString()).isIn("code", "sms-limit");
        });
        FuzzRuns.wrongMethodsAndMalformedBodies(failures, ClusterNodes::browser, b -> journey().openAndConfirmBirthDate(b, link).form().action());

        assertThat(failures).isEmpty();
    }

    @Test
    void hostileCodesInTheTextedLinkGetTheLinkDoesNotWorkPage() {
        List<String> failures = new ArrayList<>();

        hostilePathSegments(failures, ClusterNodes::browser, frontUrl() + "/realms/" + PATIENTS + "/careaccess/l/",
                Page::isRedirect, "link-invalid");

        assertThat(failures).isEmpty();
    }

    @Test
    void everyIssuerApiCaseGetsAClearJsonAnswerAndARefusedOneStoresNothing() throws SQLException {
        Map<String, Object> valid = LinkIssuerApi.requestBody(PatientJourney.BORN, TestPatients.nextMobile(), TestPatients.nextNhsNumber());
        List<FuzzInputs.Body> bodies = new ArrayList<>(FuzzInputs.jsonCases(valid));
        bodies.add(new FuzzInputs.Body("1 MB of JSON", "application/json", "{\"resource\":\"" + "x".repeat(1 << 20) + "\"}"));
        bodies.add(new FuzzInputs.Body("plain text", "text/plain", "{}"));
        bodies.add(new FuzzInputs.Body("XML", "application/xml", "<link/>"));
        List<String> failures = new ArrayList<>();

        for (FuzzInputs.Body body : bodies) {
            FuzzRuns.check(failures, body.name(), () -> {
                long before = storedLinks();
                JsonApi.Answer answer = issuer.send("POST", "/careaccess/links", body.contentType(), body.content());
                assertClearJson(answer, body.name());
                if (answer.status() == 201) {
                    assertThat(mayBeAccepted(body.name())).as("accepted: " + answer.raw()).isTrue();
                } else {
                    assertThat(answer.status()).as(answer.raw()).isBetween(400, 499);
                    assertThat(storedLinks()).as("a refused request stores no link").isEqualTo(before);
                }
            });
        }
        for (String method : List.of("GET", "PUT", "DELETE", "PATCH")) {
            FuzzRuns.check(failures, method, () -> {
                long before = storedLinks();
                JsonApi.Answer answer = issuer.sendJson(method, "/careaccess/links", valid);
                assertClearJsonOrEmpty(answer, method);
                assertThat(answer.status()).as(method + " " + answer.raw()).isBetween(400, 499);
                assertThat(storedLinks()).isEqualTo(before);
            });
        }
        FuzzRuns.check(failures, "no token", () -> {
            long before = storedLinks();
            JsonApi.Answer answer = JsonApi.withBearer(frontUrl() + "/realms/" + PATIENTS, null).sendJson("POST", "/careaccess/links", valid);
            assertThat(answer.status()).isEqualTo(401);
            assertThat(storedLinks()).isEqualTo(before);
        });

        assertThat(failures).isEmpty();
    }

    @Test
    void everyStaffSignInCaseGetsTheSignInPageAgainAndSignsNobodyIn() {
        List<String> failures = new ArrayList<>();

        FuzzRuns.formCases(failures, Map.of("username", "fuzz-nobody@example.org", "password", "not the password"), () -> staffSignIn(browser()).form("#staff-signin"), CareAccessFuzzIT::notSignedIn);
        for (FuzzInputs.FormCase fuzz : FuzzInputs.formCases(Map.of("username", "fuzz-nobody@example.org"))) {
            FuzzRuns.check(failures, "send-link " + fuzz.name(), () -> {
                var form = staffSignIn(browser()).form("#staff-signin");
                fuzz.apply().accept(form);
                Page answer = form.submit("send-link");
                SafeAnswers.assertNoServerError(answer, fuzz.name());
                SafeAnswers.assertNotReflected(answer.body(), fuzz.value(), fuzz.name());
                notSignedIn(answer);
            });
        }
        FuzzRuns.wrongMethodsAndMalformedBodies(failures, ClusterNodes::browser, b -> staffSignIn(b).form("#staff-signin").action());

        assertThat(failures).isEmpty();
    }

    @Test
    void hostileSignInLinkCodesGetTheLinkDoesNotWorkPage() {
        List<String> failures = new ArrayList<>();

        // The sign-in link works only in the browser that asked for it: this one is in the middle of a sign-in.
        hostilePathSegments(failures, () -> {
            Browser browser = browser();
            staffSignIn(browser);
            return browser;
        }, frontUrl() + "/realms/" + STAFF + "/careaccess-signin/link/",
                answer -> answer.isRedirect() && answer.location().toString().startsWith(STAFF_REDIRECT), "sign-in-link-invalid");

        assertThat(failures).isEmpty();
    }

    @Test
    void everySupportResetCaseGetsAClearJsonAnswer() {
        String token = supportDeskToken();
        JsonApi support = supportDesk(token);
        String staffId = admin().post("/realms/" + STAFF + "/users", Map.of("username", "fuzz-support@example.org",
                "email", "fuzz-support@example.org", "emailVerified", true, "enabled", true, "firstName", "Test", "lastName", "Staff",
                "credentials", List.of(Map.of("type", "password", "value", "their password 1", "temporary", false)))).expect(201).createdId();
        Map<String, Object> valid = new LinkedHashMap<>();
        valid.put("verification", "Called back on the number in the staff record");
        valid.put("ticket", "SUP-123");
        List<String> failures = new ArrayList<>();

        for (FuzzInputs.Body body : FuzzInputs.jsonCases(valid)) {
            FuzzRuns.check(failures, body.name(), () -> {
                JsonApi.Answer answer = support.send("POST", "/users/" + staffId + "/reset-2fa", body.contentType(), body.content());
                assertClearJson(answer, body.name());
                assertThat(answer.status()).as(answer.raw()).isLessThan(500);
            });
        }
        for (FuzzInputs.Value value : FuzzInputs.values()) {
            FuzzRuns.check(failures, "user id " + value, () -> {
                // A client of its own: the server may close the connection after a huge request line.
                JsonApi.Answer answer = supportDesk(token).sendJson("POST", "/users/" + pathSegment(value.value()) + "/reset-2fa", valid);
                assertClearJsonOrEmpty(answer, "user id " + value);
                assertThat(answer.status()).as(answer.raw()).isBetween(400, 499);
            });
        }
        for (String method : List.of("GET", "PUT", "DELETE", "PATCH")) {
            FuzzRuns.check(failures, method, () -> {
                JsonApi.Answer answer = support.sendJson(method, "/users/" + staffId + "/reset-2fa", valid);
                assertClearJsonOrEmpty(answer, method);
                assertThat(answer.status()).as(method + " " + answer.raw()).isBetween(400, 499);
            });
        }
        assertThat(admin().get("/realms/" + STAFF + "/users/" + staffId + "/credentials").expect(200).body().get(0).path("type").asText())
                .as("the password stays whatever was sent").isEqualTo("password");

        assertThat(failures).isEmpty();
    }

    /**
     * Whether a fuzz case of the issuer API may be answered 201: a free-text field with any value,
     * an optional field left out, null or blank (not given), or a key repeated (JSON parsers keep
     * the last, here the valid one).
     */
    private static boolean mayBeAccepted(String caseName) {
        String field = caseName.split(" ")[0];
        boolean notGiven = !caseName.contains(" = ") && !caseName.contains(" as ") || caseName.contains(" = BLANK:") || caseName.endsWith(" as null");
        return ACCEPTS_ANY_TEXT.contains(field) || OPTIONAL.contains(field) && notGiven || caseName.equals("repeated keys");
    }

    private static org.careaccess.testkit.Form codeForm() {
        return journey().codePageOnASecondDevice(link).form();
    }

    private static Page staffSignIn(Browser browser) {
        OidcClient portal = new OidcClient(frontUrl() + "/realms/" + STAFF, "staff-portal", ClusterNodes.STAFF_PORTAL_SECRET, STAFF_REDIRECT);
        return browser.open(portal.authorizationUri());
    }

    private static void notSignedIn(Page answer) {
        assertThat(answer.isRedirect() && answer.location().toString().startsWith(STAFF_REDIRECT))
                .as("signs nobody in: " + answer).isFalse();
    }

    private static JsonApi supportDesk(String token) {
        return JsonApi.withBearer(frontUrl() + "/admin/realms/" + STAFF + "/careaccess", token);
    }

    /** The support desk's tool: a service account of the staff realm with manage-users and careaccess-2fa-support. */
    private static String supportDeskToken() {
        String clientId = "fuzz-support-desk";
        String secret = "secret-" + clientId;
        String realm = "/realms/" + STAFF;
        String id = admin().post(realm + "/clients", Map.of("clientId", clientId, "secret", secret, "publicClient", false,
                "standardFlowEnabled", false, "serviceAccountsEnabled", true)).expect(201).createdId();
        String user = admin().get(realm + "/clients/" + id + "/service-account-user").expect(200).body().path("id").asText();
        String realmManagement = admin().get(realm + "/clients?clientId=realm-management").expect(200).body().get(0).path("id").asText();
        JsonNode manageUsers = admin().get(realm + "/clients/" + realmManagement + "/roles/manage-users").expect(200).body();
        admin().post(realm + "/users/" + user + "/role-mappings/clients/" + realmManagement, List.of(manageUsers)).expect(204);
        JsonNode support = admin().get(realm + "/roles/careaccess-2fa-support").expect(200).body();
        admin().post(realm + "/users/" + user + "/role-mappings/realm", List.of(support)).expect(204);
        return new OidcClient(frontUrl() + realm, clientId, secret, null).clientCredentials().path("access_token").asText();
    }

    private static void assertClearJson(JsonApi.Answer answer, String what) {
        SafeAnswers.assertNoServerError(answer.status(), answer.raw(), what);
        assertThat(answer.contentType()).as(what + ": " + answer.raw()).startsWith("application/json");
        assertThat(answer.raw()).as(what).doesNotContain(FuzzInputs.MARKER);
    }

    /** JSON, or no body at all (as Keycloak's own 404 and 405 answers for unknown paths and methods). */
    private static void assertClearJsonOrEmpty(JsonApi.Answer answer, String what) {
        SafeAnswers.assertNoServerError(answer.status(), answer.raw(), what);
        if (answer.raw() != null && !answer.raw().isBlank()) {
            assertThat(answer.raw()).as(what).doesNotContain(FuzzInputs.MARKER);
        }
    }

    /**
     * Every hostile value as the last path segment of a GET in a new browser: no 5xx, no internals,
     * nothing echoed, nobody signed in, and a page that says the link does not work (or a 4xx).
     */
    private static void hostilePathSegments(List<String> failures, Supplier<Browser> newBrowser, String prefix, Predicate<Page> signedIn,
                                            String invalidPage) {
        for (FuzzInputs.Value value : FuzzInputs.values()) {
            FuzzRuns.check(failures, value.toString(), () -> {
                // A patient link answers with the portal's login initiation; the portal's request then shows the page.
                Page answer = journey().openUrl(newBrowser.get(), prefix + pathSegment(value.value()));
                SafeAnswers.assertNoServerError(answer, value.toString());
                SafeAnswers.assertNotReflected(answer.body(), value, value.toString());
                assertThat(signedIn.test(answer)).as("signs nobody in: " + answer).isFalse();
                if (answer.status() < 400) {
                    assertThat(answer.careaccessPage()).as(answer.toString()).isEqualTo(invalidPage);
                }
            });
        }
    }

    private static String pathSegment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static long storedLinks() {
        try (Connection db = ClusterNodes.database().connect();
             ResultSet count = db.createStatement().executeQuery("SELECT count(*) FROM careaccess_patient_link")) {
            count.next();
            return count.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
