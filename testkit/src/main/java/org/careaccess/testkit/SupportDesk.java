package org.careaccess.testkit;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The support desk's tool calling the staff 2FA reset
 * ({@code POST /admin/realms/{realm}/careaccess/users/{id}/reset-2fa}) as a service account of the
 * realm, with a token from client credentials.
 */
public final class SupportDesk {

    /** A service account: its client and the user Keycloak made for it. */
    public record Caller(String clientId, String secret, String userId) {
    }

    private SupportDesk() {
    }

    /** A new confidential client with a service account that may manage users, and reset 2FA when {@code supportRole}. */
    public static Caller serviceAccount(AdminClient admin, String realm, String clientId, boolean supportRole) {
        String realmPath = "/realms/" + realm;
        String secret = "secret-" + clientId;
        String id = admin.post(realmPath + "/clients", Map.of("clientId", clientId, "secret", secret, "publicClient", false,
                "standardFlowEnabled", false, "serviceAccountsEnabled", true)).expect(201).createdId();
        String userId = admin.get(realmPath + "/clients/" + id + "/service-account-user").expect(200).body().path("id").asText();
        String realmManagement = admin.get(realmPath + "/clients?clientId=realm-management").expect(200).body().get(0).path("id").asText();
        JsonNode manageUsers = admin.get(realmPath + "/clients/" + realmManagement + "/roles/manage-users").expect(200).body();
        admin.post(realmPath + "/users/" + userId + "/role-mappings/clients/" + realmManagement, List.of(manageUsers)).expect(204);
        if (supportRole) {
            JsonNode role = admin.get(realmPath + "/roles/careaccess-2fa-support").expect(200).body();
            admin.post(realmPath + "/users/" + userId + "/role-mappings/realm", List.of(role)).expect(204);
        }
        return new Caller(clientId, secret, userId);
    }

    /** The reset call for a user, with this content type and body, as the caller's tool makes it. */
    public static JsonApi.Answer reset(String serverUrl, String realm, Caller caller, String userId, String contentType, String body) {
        String token = new OidcClient(serverUrl + "/realms/" + realm, caller.clientId(), caller.secret(), null)
                .clientCredentials().path("access_token").asText();
        return JsonApi.withBearer(serverUrl + "/admin/realms/" + realm + "/careaccess", token)
                .send("POST", "/users/" + userId + "/reset-2fa", contentType, body);
    }
}
