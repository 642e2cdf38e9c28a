package org.careaccess.keycloak.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The edge every CareAccess JSON API shares (the link issuer API and the support desk's reset):
 * a request body is {@code application/json} (else 415), at most {@value #MAX_BODY_BYTES} bytes
 * (a batch's cap is its own; else 413) and JSON (else 400), read by one reader; every answer is JSON with
 * {@code Cache-Control: no-store}, and every error is {@code {"error","field","message"}}, the
 * field only when one is to blame. Input is never echoed back.
 */
public final class JsonApi {

    public static final int MAX_BODY_BYTES = 8192;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One field's problem, or the body's ({@code field} null): a 400 {@code invalid_request}. */
    public static final class Invalid extends Exception {

        private static final long serialVersionUID = 1L;

        private final String field;

        public Invalid(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }

        public Response response() {
            return error(Response.Status.BAD_REQUEST, "invalid_request", field, getMessage());
        }
    }

    /** Why a request body was refused: the status, the error code and a message for the caller. */
    public record Refusal(Response.Status status, String error, String message) {

        public Response response() {
            return JsonApi.error(status, error, null, message);
        }
    }

    /** A request body as read: its JSON object, or why it was refused. */
    public record Body(Optional<JsonNode> json, Refusal refusal) {

        static Body read(JsonNode json) {
            return new Body(Optional.of(json), null);
        }

        static Body refused(Response.Status status, String error, String message) {
            return new Body(Optional.empty(), new Refusal(status, error, message));
        }
    }

    private JsonApi() {
    }

    /** Reads a request body that is one JSON object; {@code contentType} is the request's Content-Type header. */
    public static Body read(String contentType, InputStream body) {
        return read(contentType, body, MAX_BODY_BYTES, false);
    }

    /** Reads a request body that is a JSON array of at most {@code maxBytes} bytes (a batch). */
    public static Body readArray(String contentType, InputStream body, int maxBytes) {
        return read(contentType, body, maxBytes, true);
    }

    private static Body read(String contentType, InputStream body, int maxBytes, boolean array) {
        if (!isJson(contentType)) {
            return Body.refused(Response.Status.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type", "Content-Type must be application/json");
        }
        try {
            byte[] bytes = body == null ? new byte[0] : body.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                return Body.refused(Response.Status.REQUEST_ENTITY_TOO_LARGE, "payload_too_large",
                        "The body must be at most " + maxBytes + " bytes");
            }
            JsonNode json = bytes.length == 0 ? null : JSON.readTree(bytes);
            if (json == null || (array ? !json.isArray() : !json.isObject())) {
                return Body.refused(Response.Status.BAD_REQUEST, "invalid_request",
                        array ? "The body must be a JSON array" : "The body must be a JSON object");
            }
            return Body.read(json);
        } catch (JsonProcessingException e) {
            return Body.refused(Response.Status.BAD_REQUEST, "invalid_request", "The body is not valid JSON");
        } catch (IOException e) {
            return Body.refused(Response.Status.BAD_REQUEST, "invalid_request", "The body could not be read");
        }
    }

    /** {@code application/json}, with or without parameters such as a charset; never a wildcard. */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int parameters = contentType.indexOf(';');
        return (parameters < 0 ? contentType : contentType.substring(0, parameters)).trim().equalsIgnoreCase("application/json");
    }

    /** {@code {"error": error, "field": field, "message": message}}; no field when {@code field} is null. */
    public static Response error(Response.Status status, String error, String field, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        if (field != null) {
            body.put("field", field);
        }
        body.put("message", message);
        return json(status, body);
    }

    /** A JSON answer that no cache keeps. */
    public static Response json(Response.Status status, Object body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE.withCharset("utf-8"))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").entity(body).build();
    }
}
