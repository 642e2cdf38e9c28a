package org.careaccess.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;

/**
 * Plays the GOV.UK Notify REST API for {@code POST /v2/notifications/sms}: checks the bearer JWT
 * (HS256, {@code iss} = service id, signed with the key's secret) as Notify does, and keeps every
 * accepted text.
 */
public final class NotifyStandIn extends StandInServer {

    /** One accepted SMS request, with the notification id the stand-in answered (what delivery callbacks name). */
    public record Sms(String phoneNumber, String templateId, Map<String, String> personalisation, String notificationId) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String serviceId = UUID.randomUUID().toString();
    private final String secret = UUID.randomUUID().toString();
    private final List<Sms> sent = new CopyOnWriteArrayList<>();

    public NotifyStandIn() {
        super(0);
    }

    /** An API key this stand-in accepts, shaped like Notify's: {@code name-serviceId-secret}. */
    public String apiKey() {
        return "careaccess_test-" + serviceId + "-" + secret;
    }

    @Override
    protected void handle(HttpExchange exchange, String body) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod()) || !"/v2/notifications/sms".equals(exchange.getRequestURI().getPath())) {
            respond(exchange, 404, errorContentType(), errorJson(404, "RequestError", "Not found"));
            return;
        }
        if (!authorised(exchange.getRequestHeaders().getFirst("Authorization"))) {
            respond(exchange, 403, errorContentType(), errorJson(403, "AuthError", "Invalid token: signature, api token not found"));
            return;
        }
        JsonNode request = JSON.readTree(body);
        @SuppressWarnings("unchecked")
        Map<String, String> personalisation = request.has("personalisation")
                ? JSON.convertValue(request.get("personalisation"), Map.class)
                : Map.of();
        Sms sms = new Sms(request.path("phone_number").asText(), request.path("template_id").asText(), personalisation,
                UUID.randomUUID().toString());
        sent.add(sms);
        respond(exchange, 201, "application/json", JSON.writeValueAsString(Map.of(
                "id", sms.notificationId(),
                "reference", "",
                "content", Map.of("body", personalisation.getOrDefault("message", ""), "from_number", "CareAccess"),
                "uri", url() + "/v2/notifications/" + UUID.randomUUID(),
                "template", Map.of("id", sms.templateId(), "version", 1, "uri", url() + "/v2/template/" + sms.templateId()))));
    }

    private boolean authorised(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        String[] parts = authorization.substring(7).split("\\.");
        if (parts.length != 3) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] expected = mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            byte[] actual = Base64.getUrlDecoder().decode(parts[2]);
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            return MessageDigest.isEqual(expected, actual) && serviceId.equals(claims.path("iss").asText());
        } catch (GeneralSecurityException | IOException | IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    protected String errorContentType() {
        return "application/json";
    }

    @Override
    protected String errorBody(int status) {
        return errorJson(status, status < 500 ? "BadRequestError" : "Exception", status < 500 ? "Bad request" : "Internal server error");
    }

    private static String errorJson(int status, String error, String message) {
        return "{\"status_code\":" + status + ",\"errors\":[{\"error\":\"" + error + "\",\"message\":\"" + message + "\"}]}";
    }

    public List<Sms> sent() {
        return List.copyOf(sent);
    }
}
