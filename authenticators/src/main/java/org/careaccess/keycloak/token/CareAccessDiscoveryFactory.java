package org.careaccess.keycloak.token;

import java.util.ArrayList;
import java.util.List;

import org.keycloak.OAuth2Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.protocol.oidc.OIDCWellKnownProviderFactory;
import org.keycloak.protocol.oidc.representations.OIDCConfigurationRepresentation;
import org.keycloak.wellknown.WellKnownProvider;

/**
 * {@code /.well-known/openid-configuration} with the CareAccess claims in {@code claims_supported}
 * ({@code careaccess_link}, {@code amr}): Keycloak lists a fixed set there and no mapper can add
 * to it. Keycloak's own document otherwise; a lower priority than its factory (100) wins the alias.
 */
public final class CareAccessDiscoveryFactory extends OIDCWellKnownProviderFactory {

    public static final String PROVIDER_ID = "careaccess-openid-configuration";
    static final List<String> CLAIMS = List.of(LinkClaimMapper.CLAIM, OAuth2Constants.AUTHENTICATOR_METHOD_REFERENCE);

    @Override
    public WellKnownProvider create(KeycloakSession session) {
        WellKnownProvider keycloaks = super.create(session);
        return new WellKnownProvider() {
            @Override
            public Object getConfig() {
                Object config = keycloaks.getConfig();
                if (config instanceof OIDCConfigurationRepresentation oidc) {
                    List<String> claims = new ArrayList<>(oidc.getClaimsSupported() == null ? List.of() : oidc.getClaimsSupported());
                    CLAIMS.stream().filter(claim -> !claims.contains(claim)).forEach(claims::add);
                    oidc.setClaimsSupported(claims);
                }
                return config;
            }

            @Override
            public void close() {
                keycloaks.close();
            }
        };
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getAlias() {
        return OIDCWellKnownProviderFactory.PROVIDER_ID;
    }

    @Override
    public int getPriority() {
        return 50;
    }
}
