package org.careaccess.keycloak.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.broker.provider.IdentityProvider;
import org.keycloak.broker.provider.IdentityProviderFactory;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;

class ProviderNameTest {

    private static final Locale WELSH = Locale.forLanguageTag("cy");

    private final KeycloakSession session = mock(KeycloakSession.class, RETURNS_DEEP_STUBS);

    private static IdentityProviderModel provider(String displayName, Map<String, String> config) {
        IdentityProviderModel model = new IdentityProviderModel();
        model.setAlias("nhswales");
        model.setProviderId("careaccess-nhsmail");
        model.setDisplayName(displayName);
        model.setConfig(new HashMap<>(config));
        return model;
    }

    @Test
    void englishPagesUseTheDisplayNameAndWelshPagesTheWelshOne() {
        IdentityProviderModel wales = provider("NHS Wales", Map.of("displayNameCy", "GIG Cymru"));

        assertThat(ProviderName.in(Locale.ENGLISH, wales, session)).isEqualTo("NHS Wales");
        assertThat(ProviderName.in(WELSH, wales, session)).isEqualTo("GIG Cymru");
    }

    @Test
    void aBlankWelshNameFallsBackToTheDisplayNameAndABlankDisplayNameToTheProviderTypesName() {
        IdentityProviderFactory<?> type = mock(IdentityProviderFactory.class);
        when(type.getName()).thenReturn("NHSmail");
        when(session.getKeycloakSessionFactory().getProviderFactory(IdentityProvider.class, "careaccess-nhsmail")).thenAnswer(i -> type);

        assertThat(ProviderName.in(WELSH, provider("NHS Wales", Map.of("displayNameCy", "  ")), session)).isEqualTo("NHS Wales");
        assertThat(ProviderName.in(WELSH, provider(" ", Map.of()), session)).isEqualTo("NHSmail");
        assertThat(ProviderName.in(Locale.ENGLISH, provider(null, Map.of("displayNameCy", "GIG Cymru")), session)).isEqualTo("NHSmail");
    }
}
