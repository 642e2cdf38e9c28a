package org.careaccess.keycloak.linktext;

import java.io.InputStream;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.careaccess.keycloak.api.JsonApi;
import org.careaccess.keycloak.secrets.Secrets;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * GOV.UK Notify's delivery-status callback for texts CareAccess sent: {@code Authorization: Bearer <token>}
 * (the {@value LinkTextOptions#NOTIFY_CALLBACK_TOKEN} option, compared in constant time), a JSON body whose
 * {@code id} is the notification id Notify gave the text and whose {@code status} is {@code delivered},
 * {@code permanent-failure}, {@code temporary-failure} or {@code technical-failure}.
 */
public final class NotifyCallback {

    private static final Map<String, TextState> STATES = Map.of(
            "delivered", TextState.DELIVERED,
            "permanent-failure", TextState.NOT_DELIVERED,
            "temporary-failure", TextState.NOT_DELIVERED,
            "technical-failure", TextState.NOT_DELIVERED);

    private NotifyCallback() {
    }

    public static Response handle(KeycloakSession session, RealmModel realm, LinkTextOptions options, String authorization,
                                  String contentType, InputStream in) {
        String presented = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).trim() : null;
        if (options.notifyCallbackToken() == null || !Secrets.equalInConstantTime(presented, options.notifyCallbackToken())) {
            return Response.fromResponse(JsonApi.error(Response.Status.UNAUTHORIZED, "unauthorized", null,
                    "The callback's bearer token is missing or wrong")).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
        }
        JsonApi.Body body = JsonApi.read(contentType, in);
        if (body.json().isEmpty()) {
            return body.refusal().response();
        }
        JsonNode json = body.json().get();
        String id = json.path("id").isTextual() ? json.path("id").asText() : null;
        if (id == null || id.isBlank() || id.length() > 64) {
            return JsonApi.error(Response.Status.BAD_REQUEST, "invalid_request", "id", "id must be the notification id");
        }
        String status = json.path("status").asText("");
        Optional<TextState> state = Optional.ofNullable(STATES.get(status));
        if (state.isEmpty()) {
            return JsonApi.error(Response.Status.BAD_REQUEST, "invalid_request", "status",
                    "status must be delivered, permanent-failure, temporary-failure or technical-failure");
        }
        boolean known = new LinkTexts(session, realm).markDelivery(id, state.get(),
                state.get() == TextState.DELIVERED ? null : status);
        return known ? Response.noContent().build()
                : JsonApi.error(Response.Status.NOT_FOUND, "not_found", "id", "No text of this realm has this notification id");
    }
}
