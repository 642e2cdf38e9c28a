package org.careaccess.keycloak.nhsmail;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

import org.careaccess.keycloak.events.CareAccessEvents;
import org.jboss.logging.Logger;
import org.keycloak.broker.oidc.OIDCIdentityProvider;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.broker.provider.UserAuthenticationIdentityProvider;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.representations.AccessTokenResponse;
import org.keycloak.representations.IDToken;
import org.keycloak.representations.JsonWebToken;
import org.keycloak.sessions.AuthenticationSessionModel;

import jakarta.ws.rs.core.Response;

/**
 * The NHSmail identity provider: Keycloak's OpenID Connect broker with NHSmail's rules on top.
 * Keycloak already checks the ID token's signature, audience, expiry and issuer (the tenant's
 * issuer); this adds that the token's {@code tid} is the configured tenant, takes the email from
 * {@code email} or, as Entra's v2.0 tokens often lack it, from {@code preferred_username}, and
 * refuses addresses outside the allowed domains. A refusal sends the person back to the sign-in
 * page with a message, before any account is created or linked.
 */
final class NhsMailIdentityProvider extends OIDCIdentityProvider {

    static final String TENANT_CLAIM = "tid";

    private static final Logger LOG = Logger.getLogger(NhsMailIdentityProvider.class);

    NhsMailIdentityProvider(KeycloakSession session, NhsMailIdentityProviderConfig config) {
        super(session, config);
    }

    @Override
    public NhsMailIdentityProviderConfig getConfig() {
        return (NhsMailIdentityProviderConfig) super.getConfig();
    }

    @Override
    public Object callback(RealmModel realm, AuthenticationCallback callback, EventBuilder event) {
        return new OIDCEndpoint(new NhsMailRules(callback, event), realm, event, this);
    }

    @Override
    protected BrokeredIdentityContext extractIdentity(AccessTokenResponse tokenResponse, String accessToken, JsonWebToken idToken)
            throws IOException {
        BrokeredIdentityContext identity = super.extractIdentity(tokenResponse, accessToken, idToken);
        String email = firstAddress(identity.getEmail(), claim(idToken, IDToken.PREFERRED_USERNAME));
        identity.setEmail(email);
        if (email != null) {
            identity.setUsername(email);
        }
        return identity;
    }

    private static String firstAddress(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && candidate.indexOf('@') > 0) {
                return candidate.trim().toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }

    private static String claim(JsonWebToken token, String name) {
        Object value = token == null ? null : token.getOtherClaims().get(name);
        return value == null ? null : value.toString();
    }

    /** Why this identity may not sign in here, as a message key; empty when it may. */
    Optional<String> refusal(BrokeredIdentityContext identity) {
        JsonWebToken idToken = (JsonWebToken) identity.getContextData().get(VALIDATED_ID_TOKEN);
        String tenant = claim(idToken, TENANT_CLAIM);
        if (tenant == null || !tenant.equalsIgnoreCase(getConfig().tenant())) {
            return Optional.of(NhsMailMessages.WRONG_TENANT);
        }
        if (identity.getEmail() == null) {
            return Optional.of(NhsMailMessages.NO_EMAIL);
        }
        if (!getConfig().allows(identity.getEmail())) {
            return Optional.of(NhsMailMessages.DOMAIN_NOT_ALLOWED);
        }
        return Optional.empty();
    }

    /** Applies {@link #refusal} between the token exchange and Keycloak's account handling. */
    private final class NhsMailRules implements AuthenticationCallback {

        private final AuthenticationCallback delegate;
        private final EventBuilder event;

        NhsMailRules(AuthenticationCallback delegate, EventBuilder event) {
            this.delegate = delegate;
            this.event = event;
        }

        @Override
        public Response authenticated(BrokeredIdentityContext identity) {
            Optional<String> refusal = refusal(identity);
            if (refusal.isEmpty()) {
                return delegate.authenticated(identity);
            }
            LOG.debugf("NHSmail sign-in refused by identity provider %s: %s", getConfig().getAlias(), refusal.get());
            event.clone().event(EventType.IDENTITY_PROVIDER_LOGIN)
                    .detail(Details.IDENTITY_PROVIDER, getConfig().getAlias())
                    .detail(CareAccessEvents.REASON, NhsMailMessages.reason(refusal.get()))
                    .error("careaccess_nhsmail_refused");
            return delegate.error(getConfig(), refusal.get());
        }

        @Override
        public AuthenticationSessionModel getAndVerifyAuthenticationSession(String encodedCode) {
            return delegate.getAndVerifyAuthenticationSession(encodedCode);
        }

        @Override
        public Response cancelled(IdentityProviderModel idpConfig) {
            return delegate.cancelled(idpConfig);
        }

        @Override
        public Response retryLogin(UserAuthenticationIdentityProvider<?> identityProvider, AuthenticationSessionModel authSession) {
            return delegate.retryLogin(identityProvider, authSession);
        }

        @Override
        public Response error(IdentityProviderModel idpConfig, String message) {
            return delegate.error(idpConfig, message);
        }
    }
}
