package org.careaccess.keycloak.nhsmail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.common.enums.SslRequired;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.RealmModel;

class NhsMailIdentityProviderConfigTest {

    private static NhsMailIdentityProviderConfig config(Map<String, String> values) {
        IdentityProviderModel model = new IdentityProviderModel();
        model.setAlias("nhsmail");
        model.setProviderId(NhsMailIdentityProviderFactory.PROVIDER_ID);
        model.setConfig(new HashMap<>(values));
        return new NhsMailIdentityProviderConfig(model);
    }

    @Test
    void byDefaultItIsPinnedToTheNhsmailTenantWithEntrasEndpointsAndIssuer() {
        NhsMailIdentityProviderConfig config = config(Map.of("clientId", "app"));
        String base = "https://login.microsoftonline.com/37c354b2-85b0-47f5-b222-07b48d774ee3";

        assertThat(config.tenant()).isEqualTo("37c354b2-85b0-47f5-b222-07b48d774ee3");
        assertThat(config.getAuthorizationUrl()).isEqualTo(base + "/oauth2/v2.0/authorize");
        assertThat(config.getTokenUrl()).isEqualTo(base + "/oauth2/v2.0/token");
        assertThat(config.getJwksUrl()).isEqualTo(base + "/discovery/v2.0/keys");
        assertThat(config.getIssuer()).isEqualTo(base + "/v2.0");
        assertThat(config.isValidateSignature()).isTrue();
        assertThat(config.isDisableUserInfoService()).isTrue();
        assertThat(config.allowedDomains()).containsExactly("nhs.net");
    }

    @Test
    void anotherTenantMovesEveryEndpointAndTheIssuerWithIt() {
        NhsMailIdentityProviderConfig config = config(Map.of("tenant", "11111111-2222-3333-4444-555555555555"));

        assertThat(config.getIssuer()).isEqualTo("https://login.microsoftonline.com/11111111-2222-3333-4444-555555555555/v2.0");
        assertThat(config.getTokenUrl()).contains("/11111111-2222-3333-4444-555555555555/");
    }

    @Test
    void explicitEndpointsOfAStandInAreKept() {
        NhsMailIdentityProviderConfig config = config(Map.of(
                "issuer", "http://localhost:8080/realms/nhsmail-stub",
                "authorizationUrl", "http://localhost:8080/realms/nhsmail-stub/protocol/openid-connect/auth"));

        assertThat(config.getIssuer()).isEqualTo("http://localhost:8080/realms/nhsmail-stub");
        assertThat(config.getAuthorizationUrl()).isEqualTo("http://localhost:8080/realms/nhsmail-stub/protocol/openid-connect/auth");
    }

    @Test
    void onlyAddressesInExactlyAnAllowedDomainMaySignIn() {
        NhsMailIdentityProviderConfig config = config(Map.of("allowedDomains", "nhs.net##@Wales.NHS.uk"));

        assertThat(config.allowedDomains()).containsExactlyInAnyOrder("nhs.net", "wales.nhs.uk");
        assertThat(config.allows("a.person@nhs.net")).isTrue();
        assertThat(config.allows("A.Person@NHS.NET")).isTrue();
        assertThat(config.allows("someone@wales.nhs.uk")).isTrue();
        assertThat(config.allows("someone@evil.nhs.net")).isFalse();
        assertThat(config.allows("someone@nhs.net.example.org")).isFalse();
        assertThat(config.allows("someone@example.org")).isFalse();
        assertThat(config.allows("nhs.net")).isFalse();
        assertThat(config.allows(null)).isFalse();
    }

    @Test
    void validationRefusesATenantThatIsNotAnEntraIdAndDomainsThatAreNotDomains() {
        RealmModel realm = mock(RealmModel.class);
        when(realm.getSslRequired()).thenReturn(SslRequired.EXTERNAL);

        assertThatThrownBy(() -> config(Map.of("clientId", "app", "tenant", "nhs")).validate(realm))
                .hasMessageContaining("tenant");
        assertThatThrownBy(() -> config(Map.of("clientId", "app", "allowedDomains", "not a domain!")).validate(realm))
                .hasMessageContaining("domains");
    }

    @Test
    void theButtonLabelFollowsThePagesLanguageAndABlankOneIsNotSet() {
        NhsMailIdentityProviderConfig wales = config(Map.of("buttonLabel", " Log in with NHS Wales ", "buttonLabelCy", "Mewngofnodi gyda GIG Cymru"));
        NhsMailIdentityProviderConfig blank = config(Map.of("buttonLabel", "   ", "buttonLabelCy", ""));

        assertThat(wales.buttonLabel(Locale.ENGLISH)).isEqualTo("Log in with NHS Wales");
        assertThat(wales.buttonLabel(Locale.forLanguageTag("en-GB"))).isEqualTo("Log in with NHS Wales");
        assertThat(wales.buttonLabel(Locale.forLanguageTag("cy"))).isEqualTo("Mewngofnodi gyda GIG Cymru");
        assertThat(blank.buttonLabel(Locale.ENGLISH)).as("the theme's words with the name").isNull();
        assertThat(blank.buttonLabel(Locale.forLanguageTag("cy"))).isNull();
        assertThat(config(Map.of()).buttonLabel(Locale.forLanguageTag("cy"))).isNull();
    }

    @Test
    void validationRefusesALabelTooLongForAButton() {
        RealmModel realm = mock(RealmModel.class);
        when(realm.getSslRequired()).thenReturn(SslRequired.EXTERNAL);
        String tooLong = "Log in with " + "a very long organisation name ".repeat(3);

        assertThatThrownBy(() -> config(Map.of("clientId", "app", "buttonLabelCy", tooLong)).validate(realm))
                .hasMessageContaining("buttonLabelCy");
        assertThatThrownBy(() -> config(Map.of("clientId", "app", "displayNameCy", tooLong)).validate(realm))
                .hasMessageContaining("displayNameCy");
        config(Map.of("clientId", "app", "buttonLabel", "Log in with NHS Wales", "buttonLabelCy", "Mewngofnodi gyda GIG Cymru")).validate(realm);
    }
}
