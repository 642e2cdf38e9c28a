package org.careaccess.keycloak.nhslogin;

import static org.keycloak.common.util.UriUtils.checkUrl;

import java.util.Map;

import org.keycloak.broker.oidc.OIDCIdentityProviderConfig;
import org.keycloak.crypto.Algorithm;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;

/**
 * Settings of an NHS login identity provider: Keycloak's OpenID Connect broker as NHS login needs
 * it. The environment gives the issuer, whose discovery document gives the endpoints
 * ({@link NhsLoginDiscovery}); the client authenticates with {@code private_key_jwt} signed RS512
 * with the realm's key (NHS login accepts nothing else); {@code vtr} is sent and {@code vot}
 * checked against it; NHS login has no logout endpoint, so none is called.
 */
public final class NhsLoginIdentityProviderConfig extends OIDCIdentityProviderConfig {

    public static final String ENVIRONMENT = "environment";
    public static final String CUSTOM_ISSUER = "customIssuer";
    public static final String VECTORS_OF_TRUST = "vectorsOfTrust";
    public static final String PROMPT_LOGIN = "promptLogin";

    public static final String DEFAULT_SCOPE = "openid profile phone";
    /** NHS login signs in only confidential clients that sign their token requests with RS512. */
    static final String CLIENT_ASSERTION_ALGORITHM = Algorithm.RS512;

    static final String ISSUER = "issuer";

    public NhsLoginIdentityProviderConfig(IdentityProviderModel model) {
        super(model);
        applyNhsLoginRules();
    }

    /** A new provider in the admin console or a realm import: NHS login's defaults, saved with it. */
    public NhsLoginIdentityProviderConfig() {
        super();
        getConfig().put(ENVIRONMENT, NhsLoginEnvironment.SANDPIT.value());
        getConfig().put(VECTORS_OF_TRUST, VectorsOfTrust.DEFAULT);
        getConfig().put(PROMPT_LOGIN, "false");
        setDefaultScope(DEFAULT_SCOPE);
        applyNhsLoginRules();
    }

    /** What NHS login requires whatever else the settings say. */
    private void applyNhsLoginRules() {
        Map<String, String> config = getConfig();
        setClientAuthMethod(OIDCLoginProtocol.PRIVATE_KEY_JWT);
        setClientAssertionSigningAlg(CLIENT_ASSERTION_ALGORITHM);
        setValidateSignature(true);
        config.put(USE_JWKS_URL, "true");
        setDisableUserInfoService(false);
        setBackchannelSupported(false);
        config.remove("logoutUrl");
        if (Boolean.parseBoolean(config.get(PROMPT_LOGIN))) {
            setPrompt("login");
        } else {
            config.remove("prompt");
        }
        if (getDefaultScope() == null || getDefaultScope().isBlank()) {
            setDefaultScope(DEFAULT_SCOPE);
        }
        String issuer = issuerOrNull();
        if (issuer != null) {
            config.put(ISSUER, issuer);
        }
    }

    public NhsLoginEnvironment environment() {
        return NhsLoginEnvironment.of(getConfig().get(ENVIRONMENT)).orElse(NhsLoginEnvironment.SANDPIT);
    }

    /** The issuer tokens must come from: the environment's, or the custom one. */
    public String issuer() {
        String issuer = issuerOrNull();
        if (issuer == null) {
            throw new IllegalStateException("NHS login identity provider " + getAlias() + " has no issuer");
        }
        return issuer;
    }

    private String issuerOrNull() {
        String issuer = environment().issuer().orElse(getConfig().get(CUSTOM_ISSUER));
        if (issuer == null || issuer.isBlank()) {
            return null;
        }
        String trimmed = issuer.trim();
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }

    public VectorsOfTrust vectorsOfTrust() {
        return VectorsOfTrust.parse(getConfig().get(VECTORS_OF_TRUST));
    }

    /** Whether the endpoints of the issuer's discovery document are in place. */
    boolean hasEndpoints() {
        return notBlank(getAuthorizationUrl()) && notBlank(getTokenUrl()) && notBlank(getJwksUrl());
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }

    /**
     * Checked when the provider is saved or imported. The endpoints are not checked here: they
     * come from the issuer's discovery document when someone signs in.
     */
    @Override
    public void validate(RealmModel realm) {
        if (NhsLoginEnvironment.of(getConfig().get(ENVIRONMENT)).isEmpty()) {
            throw new IllegalArgumentException("NHS login environment must be sandpit, integration, production or custom");
        }
        String issuer = issuerOrNull();
        if (issuer == null) {
            throw new IllegalArgumentException("NHS login needs an issuer URL when the environment is custom");
        }
        checkUrl(realm.getSslRequired(), issuer, "issuer");
        if (getClientId() == null || getClientId().isBlank()) {
            throw new IllegalArgumentException("NHS login needs the client ID NHS login gave this service");
        }
        vectorsOfTrust();
    }
}
