package org.careaccess.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A relying party of a realm: builds authorization requests (state, nonce and a PKCE S256
 * challenge, as the realms' portal clients require) and redeems codes for tokens.
 */
public final class OidcClient {

    /**
     * The PKCE verifier is an HMAC of the request's state under a key of this test run, so a test
     * that holds only the redirect can redeem it (the state comes back in it) without this client
     * keeping a table of requests.
     */
    private static final byte[] VERIFIER_KEY = UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8);

    private final String realmUrl;
    private final String clientId;
    private final String clientSecret;
    private final String redirectUri;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

    public OidcClient(String realmUrl, String clientId, String clientSecret, String redirectUri) {
        this.realmUrl = realmUrl;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.redirectUri = redirectUri;
    }

    /** An authorization-code request with extra parameters, e.g. {@code careaccess_link}. */
    public URI authorizationUri(Map<String, String> extra) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("client_id", clientId);
        parameters.put("redirect_uri", redirectUri);
        parameters.put("response_type", "code");
        parameters.put("scope", "openid");
        String state = UUID.randomUUID().toString();
        parameters.put("state", state);
        parameters.put("nonce", UUID.randomUUID().toString());
        parameters.put("code_challenge", codeChallenge(codeVerifier(state)));
        parameters.put("code_challenge_method", "S256");
        parameters.putAll(extra);
        return URI.create(realmUrl + "/protocol/openid-connect/auth?" + form(parameters));
    }

    public URI authorizationUri() {
        return authorizationUri(Map.of());
    }

    /**
     * What a portal does at its login-initiation URI (OpenID Connect Core 4, third-party-initiated
     * login): checks {@code iss} is this realm and starts its own request, passing the link on.
     */
    public URI authorizationUriInitiatedBy(URI initiation) {
        Map<String, String> query = Page.query(initiation);
        if (!realmUrl.equals(query.get("iss"))) {
            throw new AssertionError("login initiation from issuer " + query.get("iss") + ", expected " + realmUrl + ": " + initiation);
        }
        String link = query.get("careaccess_link");
        return link == null ? authorizationUri() : authorizationUri(Map.of("careaccess_link", link));
    }

    /** Redeems the code from a redirect back to this client. */
    public JsonNode redeem(Page redirect) {
        String code = redirect.locationParameter("code");
        if (code == null) {
            throw new AssertionError("no code in redirect " + redirect.location());
        }
        String state = redirect.locationParameter("state");
        Map<String, String> parameters = new LinkedHashMap<>(Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", redirectUri));
        if (state != null) {
            parameters.put("code_verifier", codeVerifier(state));
        }
        return tokenRequest(parameters);
    }

    public JsonNode clientCredentials() {
        return tokenRequest(Map.of("grant_type", "client_credentials"));
    }

    public JsonNode tokenRequest(Map<String, String> parameters) {
        Map<String, String> all = new LinkedHashMap<>(parameters);
        all.put("client_id", clientId);
        if (clientSecret != null) {
            all.put("client_secret", clientSecret);
        }
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(all))).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = AdminClient.parse(response.body());
            if (response.statusCode() != 200) {
                throw new AssertionError("token request failed: " + response.statusCode() + " " + response.body());
            }
            return body;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The claims of a JWT, unverified: the test got it straight from the token endpoint. */
    public static JsonNode claims(String jwt) {
        String[] parts = jwt.split("\\.");
        return AdminClient.parse(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    }

    /** The values of a token's {@code amr} claim, in order. */
    public static List<String> amr(JsonNode claims) {
        List<String> values = new ArrayList<>();
        claims.path("amr").forEach(value -> values.add(value.asText()));
        return values;
    }

    /** The PKCE verifier of the request that had this state. */
    public static String codeVerifier(String state) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(VERIFIER_KEY, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(state.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String codeChallenge(String verifier) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String form(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
