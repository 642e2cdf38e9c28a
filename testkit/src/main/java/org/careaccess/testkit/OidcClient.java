package org.careaccess.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

/** A relying party of a realm: builds authorization requests and redeems codes for tokens. */
public final class OidcClient {

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
        parameters.put("state", UUID.randomUUID().toString());
        parameters.putAll(extra);
        return URI.create(realmUrl + "/protocol/openid-connect/auth?" + form(parameters));
    }

    public URI authorizationUri() {
        return authorizationUri(Map.of());
    }

    /** Redeems the code from a redirect back to this client. */
    public JsonNode redeem(Page redirect) {
        String code = redirect.locationParameter("code");
        if (code == null) {
            throw new AssertionError("no code in redirect " + redirect.location());
        }
        return tokenRequest(Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", redirectUri));
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

    private static String form(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
