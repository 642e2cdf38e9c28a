package org.careaccess.testkit;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The system that texts patients their links, as the issuer API sees it: the {@code link-issuer}
 * client of a realm made from realm-config/patients-realm.json (client credentials, realm role
 * careaccess-link-issuer), talking to a server (or a cluster's front) at a URL. {@link #send} reaches
 * any path under the realm.
 */
public final class LinkIssuerApi extends JsonApi {

    /** The client of the patients realm file that has the issuer role. */
    public static final String CLIENT_ID = "link-issuer";

    /** A link just issued, with what the patient was texted and what they will type. */
    public record IssuedLink(String realm, String id, String code, String url, String mobileE164, LocalDate birthDate, String nhsNumber) {
    }

    private final String realm;

    private LinkIssuerApi(String serverUrl, String realm, String token) {
        super(serverUrl + "/realms/" + realm, token);
        this.realm = realm;
    }

    /** The realm's {@code link-issuer} client, signed in with client credentials. */
    public static LinkIssuerApi signIn(String serverUrl, String realm, String secret) {
        return new LinkIssuerApi(serverUrl, realm, token(serverUrl, realm, secret));
    }

    /** A caller of {@code realm}'s API on the server at {@code serverUrl} with any bearer token (none when null). */
    public static LinkIssuerApi withToken(String serverUrl, String realm, String token) {
        return new LinkIssuerApi(serverUrl, realm, token);
    }

    /** An access token of the realm's {@code link-issuer} client. */
    private static String token(String serverUrl, String realm, String secret) {
        return new OidcClient(serverUrl + "/realms/" + realm, CLIENT_ID, secret, null).clientCredentials().path("access_token").asText();
    }

    /** Issues a questionnaire link for a new patient with this birth date and a fresh test mobile number. */
    public IssuedLink issue(LocalDate birthDate) {
        return issue(birthDate, TestPatients.nextMobile(), null);
    }

    public IssuedLink issue(LocalDate birthDate, String mobile, String nhsNumber) {
        JsonNode created = post(requestBody(birthDate, mobile, nhsNumber)).expect(201).body();
        return new IssuedLink(realm, created.path("id").asText(), created.path("code").asText(), created.path("url").asText(),
                TestPatients.e164(mobile), birthDate, nhsNumber);
    }

    /** A valid body for {@code POST /careaccess/links}: a questionnaire link, every field set (no NHS number when null). */
    public static Map<String, Object> requestBody(LocalDate birthDate, String mobile, String nhsNumber) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("birthDate", birthDate.toString());
        body.put("mobile", mobile);
        if (nhsNumber != null) {
            body.put("nhsNumber", nhsNumber);
        }
        body.put("givenName", "Ann");
        body.put("familyName", "Example");
        body.put("purpose", "questionnaire");
        body.put("resource", "q-123");
        body.put("expiresInDays", 30);
        return body;
    }

    public Answer post(Object body) {
        return sendJson("POST", "/careaccess/links", body);
    }

    /** {@code POST /careaccess/links/batch}: a JSON array of records, answered {@code {"results":[...]}}. */
    public Answer postBatch(Object records) {
        return sendJson("POST", "/careaccess/links/batch", records);
    }

    public Answer status(String id) {
        return send("GET", "/careaccess/links/" + id, null, null);
    }

    public Answer revoke(String id) {
        return send("DELETE", "/careaccess/links/" + id, null, null);
    }

    /**
     * The link's {@code sms} once its text is no longer {@code queued} (the drain sends a few a second), or an
     * assertion error after {@code within}.
     */
    public JsonNode textSettled(String id, Duration within) {
        return awaitText(id, sms -> !"queued".equals(sms.path("state").asText()), within);
    }

    /** The link's {@code sms} once it passes {@code check}, or an assertion error after {@code within}. */
    public JsonNode awaitText(String id, Predicate<JsonNode> check, Duration within) {
        Instant deadline = Instant.now().plus(within);
        JsonNode sms;
        do {
            sms = status(id).expect(200).body().path("sms");
            if (check.test(sms)) {
                return sms;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("the text of link " + id + " is not there yet: " + sms);
    }

    /** Every link of {@code GET links?sms=<state>&since=<since>}, following {@code nextCursor} page by page. */
    public List<JsonNode> linksWithText(String state, Instant since, int pageSize) {
        List<JsonNode> links = new ArrayList<>();
        String cursor = null;
        do {
            String path = "/careaccess/links?sms=" + state + "&since=" + since + "&limit=" + pageSize + (cursor == null ? "" : "&cursor=" + cursor);
            JsonNode page = send("GET", path, null, null).expect(200).body();
            page.path("links").forEach(links::add);
            // The last page has no nextCursor (Keycloak's JSON writer leaves out nulls).
            cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
        } while (cursor != null);
        return links;
    }

    public String realm() {
        return realm;
    }
}
