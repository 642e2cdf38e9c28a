package org.careaccess.keycloak.nhslogin;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.keycloak.broker.oidc.OIDCIdentityProviderConfig;
import org.keycloak.broker.provider.IdentityBrokerException;
import org.keycloak.http.simple.SimpleHttp;
import org.keycloak.http.simple.SimpleHttpResponse;
import org.keycloak.models.KeycloakSession;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * NHS login's endpoints from its issuer's OpenID Connect discovery document
 * ({@code <issuer>/.well-known/openid-configuration}). The document is kept for an hour in
 * Keycloak's cluster-wide store, so a sign-in costs no extra request and every node sees the same
 * endpoints; its issuer must be exactly the configured one (OpenID Connect Discovery 1.0, 4.3).
 */
final class NhsLoginDiscovery {

    static final long KEEP_SECONDS = 3600;

    private static final String AUTHORIZATION = "authorization_endpoint";
    private static final String TOKEN = "token_endpoint";
    private static final String USERINFO = "userinfo_endpoint";
    private static final String JWKS = "jwks_uri";

    private NhsLoginDiscovery() {
    }

    /**
     * Puts the issuer's endpoints into these settings (this request's copy; nothing is saved).
     *
     * @throws IdentityBrokerException when the document cannot be had or is not the issuer's
     */
    static void apply(KeycloakSession session, NhsLoginIdentityProviderConfig config) {
        if (config.hasEndpoints()) {
            return;
        }
        String issuer = config.issuer();
        String key = "careaccess:nhslogin-discovery:" + issuer;
        Map<String, String> endpoints = session.singleUseObjects().get(key);
        if (endpoints == null || endpoints.isEmpty()) {
            endpoints = fetch(session, issuer);
            session.singleUseObjects().put(key, KEEP_SECONDS, endpoints);
        }
        config.setAuthorizationUrl(endpoints.get(AUTHORIZATION));
        config.setTokenUrl(endpoints.get(TOKEN));
        config.setUserInfoUrl(endpoints.get(USERINFO));
        config.getConfig().put(OIDCIdentityProviderConfig.JWKS_URL, endpoints.get(JWKS));
    }

    private static Map<String, String> fetch(KeycloakSession session, String issuer) {
        String url = issuer + "/.well-known/openid-configuration";
        JsonNode document;
        try (SimpleHttpResponse response = SimpleHttp.create(session).doGet(url).acceptJson().asResponse()) {
            if (response.getStatus() != 200) {
                throw new IdentityBrokerException("NHS login discovery document " + url + " answered HTTP " + response.getStatus());
            }
            document = response.asJson();
        } catch (IOException e) {
            throw new IdentityBrokerException("NHS login discovery document " + url + " could not be read", e);
        }
        return endpoints(issuer, document);
    }

    /** The endpoints of a discovery document, checked: the issuer's own, and every endpoint present. */
    static Map<String, String> endpoints(String issuer, JsonNode document) {
        String stated = text(document, "issuer");
        if (stated == null || !stripSlash(stated).equals(issuer)) {
            throw new IdentityBrokerException("NHS login discovery document names issuer " + stated + ", not " + issuer);
        }
        Map<String, String> endpoints = new LinkedHashMap<>();
        for (String name : new String[] {AUTHORIZATION, TOKEN, USERINFO, JWKS}) {
            String value = text(document, name);
            if (value == null || !(value.startsWith("https://") || value.startsWith("http://"))) {
                throw new IdentityBrokerException("NHS login discovery document has no " + name);
            }
            endpoints.put(name, value);
        }
        return endpoints;
    }

    private static String text(JsonNode document, String name) {
        JsonNode value = document == null ? null : document.get(name);
        return value == null || !value.isTextual() || value.asText().isBlank() ? null : value.asText().trim();
    }

    private static String stripSlash(String value) {
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }
}
