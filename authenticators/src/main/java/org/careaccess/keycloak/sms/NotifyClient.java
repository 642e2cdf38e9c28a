package org.careaccess.keycloak.sms;

import java.io.IOException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.gov.service.notify.Authentication;

/**
 * GOV.UK Notify's "send a text message" call ({@code POST /v2/notifications/sms}), made with the
 * JDK's HTTP client so that connecting and waiting for the answer are each limited by the
 * configured timeout. Notify's Java client sets no timeouts and opens its connections in a
 * package-private method, so a stalled Notify would hold a person's sign-in forever; rather than
 * put a class in the client's package to override that, this makes the one call CareAccess needs
 * and uses only the client's public {@link Authentication} for the signed token.
 */
final class NotifyClient {

    /** A call that did not end in a sent text: Notify's HTTP status (0 when there was no answer) and the cause. */
    static final class Failure extends Exception {

        private static final long serialVersionUID = 1L;

        private final int httpStatus;

        Failure(int httpStatus, String message, Throwable cause) {
            super(message, cause);
            this.httpStatus = httpStatus;
        }

        int httpStatus() {
            return httpStatus;
        }
    }

    /** Notify keys end with two UUIDs (36 characters each, joined by "-"): the service id, then the secret. */
    private static final int UUID_LENGTH = 36;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI smsEndpoint;
    private final String serviceId;
    private final String secret;
    private final Duration timeout;
    private final HttpClient http;

    /** @param apiKey a Notify API key, its shape already checked */
    NotifyClient(String apiKey, String baseUrl, Duration timeout) {
        this.smsEndpoint = URI.create(baseUrl.replaceAll("/+$", "") + "/v2/notifications/sms");
        this.secret = apiKey.substring(apiKey.length() - UUID_LENGTH);
        this.serviceId = apiKey.substring(apiKey.length() - 2 * UUID_LENGTH - 1, apiKey.length() - UUID_LENGTH - 1);
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).proxy(ProxySelector.getDefault()).build();
    }

    /** Sends a text with this template; returns Notify's id for it. */
    String sendSms(String templateId, String phoneNumber, Map<String, ?> personalisation) throws Failure {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("phone_number", phoneNumber);
        body.put("template_id", templateId);
        body.put("personalisation", personalisation);
        HttpResponse<String> response;
        try {
            HttpRequest request = HttpRequest.newBuilder(smsEndpoint)
                    .timeout(timeout)
                    .header("Authorization", "Bearer " + new Authentication().create(serviceId, secret))
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "careaccess-notify-sms")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
                    .build();
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Failure(0, "no answer from Notify", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure(0, "interrupted while waiting for Notify", e);
        }
        if (response.statusCode() != 201) {
            throw new Failure(response.statusCode(), "Notify answered HTTP " + response.statusCode(), null);
        }
        try {
            JsonNode answer = JSON.readTree(response.body());
            return answer.path("id").asText();
        } catch (IOException e) {
            throw new Failure(0, "unreadable answer from Notify", e);
        }
    }
}
