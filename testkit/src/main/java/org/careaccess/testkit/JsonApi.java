package org.careaccess.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;

/** A client of a JSON REST API under a base URL, calling with a bearer token (or none). */
public class JsonApi {

    /** An answer of the API: status, JSON body (null when the body is not JSON), raw body, content type and headers. */
    public record Answer(int status, JsonNode body, String raw, String contentType, HttpHeaders headers) {

        public Answer expect(int expected) {
            if (status != expected) {
                throw new AssertionError("expected HTTP " + expected + " but got " + status + ": " + raw);
            }
            return this;
        }
    }

    // HTTP/1.1: an h2c upgrade on a kept-alive connection breaks when a load balancer moves it to another node.
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    private final String baseUrl;
    private final String token;

    protected JsonApi(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    /** Calls under {@code baseUrl} with this bearer token (none when null). */
    public static JsonApi withBearer(String baseUrl, String token) {
        return new JsonApi(baseUrl, token);
    }

    /** Any request to a path under the base URL, with any content type (none when null) and body (none when null). */
    public Answer send(String method, String path, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), parse(response.body()), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""), response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends this object as JSON. */
    public Answer sendJson(String method, String path, Object body) {
        try {
            return send(method, path, "application/json", AdminClient.json().writeValueAsString(body));
        } catch (IOException e) {
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
