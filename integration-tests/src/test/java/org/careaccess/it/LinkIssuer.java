package org.careaccess.it;

import org.careaccess.testkit.LinkIssuerApi;

/**
 * The system that texts patients their links, as the issuer API of the shared server sees it:
 * the {@code link-issuer} client of the patients realm (client credentials, realm role
 * careaccess-link-issuer). The calls and answers are the test kit's {@link LinkIssuerApi}.
 */
final class LinkIssuer extends LinkIssuerApi {

    private LinkIssuer(String realm, String token) {
        super(CareAccessServer.server().url(), realm, token);
    }

    /** The patients realm's own issuer client, signed in with client credentials. */
    static LinkIssuer patientsRealm() {
        return of("patients");
    }

    /** The {@code link-issuer} client of a realm made from the patients realm file. */
    static LinkIssuer of(String realm) {
        return new LinkIssuer(realm, token(CareAccessServer.server().url(), realm, CareAccessServer.ISSUER_SECRET));
    }

    /** A new client of the patients realm with a service account but not the issuer role, signed in. */
    static LinkIssuer withoutTheIssuerRole() {
        String clientId = "no-role-" + java.util.UUID.randomUUID();
        java.util.Map<String, Object> client = new java.util.LinkedHashMap<>();
        client.put("clientId", clientId);
        client.put("secret", "no-role-secret");
        client.put("publicClient", false);
        client.put("standardFlowEnabled", false);
        client.put("serviceAccountsEnabled", true);
        CareAccessServer.admin().post("/realms/patients/clients", client).expect(201);
        return withToken(new org.careaccess.testkit.OidcClient(CareAccessServer.server().realmUrl("patients"), clientId, "no-role-secret", null)
                .clientCredentials().path("access_token").asText());
    }

    /** A caller of the patients realm's API with any bearer token (or none, when null): for the refusals. */
    static LinkIssuer withToken(String token) {
        return new LinkIssuer("patients", token);
    }
}
