package org.careaccess.keycloak.nhslogin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.keycloak.broker.provider.IdentityBrokerException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class NhsLoginDiscoveryTest {

    private static final String ISSUER = "https://auth.sandpit.signin.nhs.uk";

    private static JsonNode document(String json) throws Exception {
        return new ObjectMapper().readTree(json);
    }

    @Test
    void theEndpointsComeFromTheIssuersDocument() throws Exception {
        JsonNode doc = document("""
                {"issuer":"https://auth.sandpit.signin.nhs.uk","authorization_endpoint":"https://auth.sandpit.signin.nhs.uk/authorize",
                 "token_endpoint":"https://auth.sandpit.signin.nhs.uk/token","userinfo_endpoint":"https://auth.sandpit.signin.nhs.uk/userinfo",
                 "jwks_uri":"https://auth.sandpit.signin.nhs.uk/.well-known/jwks.json"}""");

        assertThat(NhsLoginDiscovery.endpoints(ISSUER, doc)).containsEntry("authorization_endpoint", ISSUER + "/authorize")
                .containsEntry("token_endpoint", ISSUER + "/token")
                .containsEntry("userinfo_endpoint", ISSUER + "/userinfo")
                .containsEntry("jwks_uri", ISSUER + "/.well-known/jwks.json");
    }

    @Test
    void aDocumentOfAnotherIssuerIsRefused() throws Exception {
        JsonNode doc = document("""
                {"issuer":"https://evil.example.org","authorization_endpoint":"https://evil.example.org/a","token_endpoint":"https://evil.example.org/t",
                 "userinfo_endpoint":"https://evil.example.org/u","jwks_uri":"https://evil.example.org/k"}""");

        assertThatThrownBy(() -> NhsLoginDiscovery.endpoints(ISSUER, doc)).isInstanceOf(IdentityBrokerException.class)
                .hasMessageContaining("names issuer https://evil.example.org");
    }

    @Test
    void aDocumentWithoutAnEndpointIsRefused() throws Exception {
        JsonNode doc = document("""
                {"issuer":"https://auth.sandpit.signin.nhs.uk/","authorization_endpoint":"https://auth.sandpit.signin.nhs.uk/authorize",
                 "token_endpoint":"https://auth.sandpit.signin.nhs.uk/token","jwks_uri":"javascript:alert(1)"}""");

        assertThatThrownBy(() -> NhsLoginDiscovery.endpoints(ISSUER, doc)).isInstanceOf(IdentityBrokerException.class)
                .hasMessageContaining("has no userinfo_endpoint");
    }
}
