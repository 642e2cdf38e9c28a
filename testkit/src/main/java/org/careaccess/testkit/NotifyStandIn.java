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
public final class NotifyStandIn extends StandInServer implements TextGatewayStandIn {

    /** One accepted SMS request, with the notification id the stand-in answered (what delivery callbacks name). */
    public record Sms(String phoneNumber, String templateId, Map<String, String> personalisation, String notificationId) {
    }

    /** The template ids {@link #receiveTextsOf} configures: English, and Welsh ({@code template-id-cy}). */
    public static final String TEMPLATE_ID = "5c0a4b0e-5d2b-4a4f-9b8e-0e1f2d3c4b5a";
    public static final String WELSH_TEMPLATE_ID = "c7e1a2b3-4d5e-4f60-8a9b-1c2d3e4f5a6b";

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

    /**
     * Makes {@code notify} the server's {@code careaccess-sms} default (a build-time option, like SNS's), with this
     * stand-in's API key and base URL, {@link #TEMPLATE_ID} and {@link #WELSH_TEMPLATE_ID}.
     */
    @Override
    public KeycloakServer.Builder receiveTextsOf(KeycloakServer.Builder server, int timeoutMillis) {
        return server.option("--spi-careaccess-sms--provider-default=notify")
                .option("--spi-careaccess-sms--notify--api-key=" + apiKey())
                .option("--spi-careaccess-sms--notify--template-id=" + TEMPLATE_ID)
                .option("--spi-careaccess-sms--notify--template-id-cy=" + WELSH_TEMPLATE_ID)
                .option("--spi-careaccess-sms--notify--base-url=" + url())
                .option("--spi-careaccess-sms--notify--timeout-millis=" + timeoutMillis);
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

    /**
     * What GOV.UK Notify posts to a delivery-status callback: {@code status} for this notification, with this
     * bearer token (none when null), to the callback of the realm at {@code realmUrl}.
     */
    public static JsonApi.Answer callback(String realmUrl, String token, String notificationId, String status) {
        return JsonApi.withBearer(realmUrl, token).send("POST", "/careaccess/sms/notify-callback", "application/json",
                "{\"id\":\"" + notificationId + "\",\"reference\":null,\"to\":\"07700900000\",\"status\":\"" + status
                        + "\",\"created_at\":\"2026-01-01T00:00:00.000Z\",\"notification_type\":\"sms\"}");
    }

    /** The texts accepted for this E.164 number, oldest first. */
    public List<Sms> sentTo(String e164) {
        return sent.stream().filter(sms -> e164.equals(sms.phoneNumber())).toList();
    }
}
