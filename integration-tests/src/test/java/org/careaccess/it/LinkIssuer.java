package org.careaccess.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.careaccess.testkit.AdminClient;
import org.careaccess.testkit.OidcClient;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The system that texts patients their links, as the issuer API sees it: the {@code link-issuer}
 * client of the patients realm (client credentials, realm role careaccess-link-issuer).
 */
final class LinkIssuer {

    /** An answer of the API: status and JSON body. */
    record Answer(int status, JsonNode body, String raw, String contentType) {

        Answer expect(int expected) {
            if (status != expected) {
                throw new AssertionError("expected HTTP " + expected + " but got " + status + ": " + raw);
            }
            return this;
        }
    }

    /** A link just issued, with what the patient was texted and what they will type. */
    record IssuedLink(String realm, String id, String code, String url, String mobileE164, LocalDate birthDate, String nhsNumber) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final String realm;
    private final String realmUrl;
    private final String token;

    private LinkIssuer(String realm, String token) {
        this.realm = realm;
        this.realmUrl = CareAccessServer.server().realmUrl(realm);
        this.token = token;
    }

    /** The patients realm's own issuer client, signed in with client credentials. */
    static LinkIssuer patientsRealm() {
        return of("patients");
    }

    /** The {@code link-issuer} client of a realm made from the patients realm file. */
    static LinkIssuer of(String realm) {
        String token = new OidcClient(CareAccessServer.server().realmUrl(realm), "link-issuer", CareAccessServer.ISSUER_SECRET, null)
                .clientCredentials().path("access_token").asText();
        return new LinkIssuer(realm, token);
    }

    /** A caller of the patients realm's API with any bearer token (or none, when null): for the refusals. */
    static LinkIssuer withToken(String token) {
        return new LinkIssuer("patients", token);
    }

    /** Issues a questionnaire link for a new patient with this birth date and a fresh test mobile number. */
    IssuedLink issue(LocalDate birthDate) {
        return issue(birthDate, TestPatients.nextMobile(), null);
    }

    IssuedLink issue(LocalDate birthDate, String mobile, String nhsNumber) {
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
        JsonNode created = post(body).expect(201).body();
        return new IssuedLink(realm, created.path("id").asText(), created.path("code").asText(), created.path("url").asText(),
                TestPatients.e164(mobile), birthDate, nhsNumber);
    }

    Answer post(Object body) {
        try {
            return send("POST", "/careaccess/links", "application/json", AdminClient.json().writeValueAsString(body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    Answer status(String id) {
        return send("GET", "/careaccess/links/" + id, null, null);
    }

    Answer revoke(String id) {
        return send("DELETE", "/careaccess/links/" + id, null, null);
    }

    Answer send(String method, String path, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(realmUrl + path)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), parse(response.body()), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? null : AdminClient.json().readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}
