package org.careaccess.keycloak.nhslogin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.common.enums.SslRequired;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.RealmModel;

class NhsLoginIdentityProviderConfigTest {

    private static NhsLoginIdentityProviderConfig config(Map<String, String> values) {
        IdentityProviderModel model = new IdentityProviderModel();
        model.setAlias("nhs-login");
        model.setProviderId(NhsLoginIdentityProviderFactory.PROVIDER_ID);
        model.setConfig(new HashMap<>(values));
        return new NhsLoginIdentityProviderConfig(model);
    }

    private static RealmModel realm(SslRequired sslRequired) {
        RealmModel realm = mock(RealmModel.class);
        when(realm.getSslRequired()).thenReturn(sslRequired);
        return realm;
    }

    @Test
    void eachEnvironmentHasNhsLoginsIssuer() {
        assertThat(config(Map.of("environment", "sandpit")).issuer()).isEqualTo("https://auth.sandpit.signin.nhs.uk");
        assertThat(config(Map.of("environment", "integration")).issuer()).isEqualTo("https://auth.aos.signin.nhs.uk");
        assertThat(config(Map.of("environment", "production")).issuer()).isEqualTo("https://auth.login.nhs.uk");
        assertThat(config(Map.of("environment", "custom", "customIssuer", "http://localhost:8080/realms/nhs-login-stub/")).issuer())
                .isEqualTo("http://localhost:8080/realms/nhs-login-stub");
        assertThat(config(Map.of("environment", "production", "customIssuer", "https://evil.example.org")).issuer())
                .as("a custom issuer counts only for the custom environment").isEqualTo("https://auth.login.nhs.uk");
    }

    @Test
    void tokenRequestsAreAlwaysSignedJwtsWithRs512AndTokensAlwaysChecked() {
        NhsLoginIdentityProviderConfig config = config(Map.of("environment", "production", "clientAuthMethod", "client_secret_post",
                "clientAssertionSigningAlg", "RS256", "validateSignature", "false", "disableUserInfo", "true", "logoutUrl", "https://x"));

        assertThat(config.getClientAuthMethod()).isEqualTo("private_key_jwt");
        assertThat(config.isJWTAuthentication()).isTrue();
        assertThat(config.getClientAssertionSigningAlg()).isEqualTo("RS512");
        assertThat(config.isValidateSignature()).isTrue();
        assertThat(config.isUseJwksUrl()).isTrue();
        assertThat(config.isDisableUserInfoService()).isFalse();
        assertThat(config.getLogoutUrl()).as("NHS login has no logout").isNull();
        assertThat(config.getConfig().get("issuer")).isEqualTo("https://auth.login.nhs.uk");
    }

    @Test
    void aNewProviderStartsInTheSandpitWithNhsLoginsDefaults() {
        NhsLoginIdentityProviderConfig config = new NhsLoginIdentityProviderFactory().createConfig();

        assertThat(config.environment()).isEqualTo(NhsLoginEnvironment.SANDPIT);
        assertThat(config.getDefaultScope()).isEqualTo("openid profile phone");
        assertThat(config.vectorsOfTrust().vectors()).containsExactly("P9.Cp.Cd", "P9.Cp.Ck", "P9.Cm");
        assertThat(config.getPrompt()).isNull();
        assertThat(config.getConfig()).doesNotContainValue(null);
    }

    @Test
    void promptLoginIsSentOnlyWhenSwitchedOn() {
        assertThat(config(Map.of("promptLogin", "true")).getPrompt()).isEqualTo("login");
        assertThat(config(Map.of("promptLogin", "false", "prompt", "consent")).getPrompt()).isNull();
    }

    @Test
    void validSettingsPass() {
        config(Map.of("environment", "custom", "customIssuer", "http://localhost:8080/realms/nhs-login-stub", "clientId", "c"))
                .validate(realm(SslRequired.EXTERNAL));
        config(Map.of("environment", "production", "clientId", "c")).validate(realm(SslRequired.ALL));
    }

    @Test
    void badSettingsAreRefusedWithAReasonAnAdminUnderstands() {
        RealmModel realm = realm(SslRequired.EXTERNAL);
        assertThatThrownBy(() -> config(Map.of("environment", "live", "clientId", "c")).validate(realm))
                .hasMessageContaining("sandpit, integration, production or custom");
        assertThatThrownBy(() -> config(Map.of("environment", "custom", "clientId", "c")).validate(realm))
                .hasMessageContaining("needs an issuer URL");
        assertThatThrownBy(() -> config(Map.of("environment", "custom", "customIssuer", "http://nhs-login.example.org", "clientId", "c"))
                .validate(realm)).as("plain http outside this machine").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> config(Map.of("environment", "sandpit")).validate(realm)).hasMessageContaining("client ID");
        assertThatThrownBy(() -> config(Map.of("environment", "sandpit", "clientId", "c", "vectorsOfTrust", "P9")).validate(realm))
                .hasMessageStartingWith("Vectors of trust must be");
    }
}
