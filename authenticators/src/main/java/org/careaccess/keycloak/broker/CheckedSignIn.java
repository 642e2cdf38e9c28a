package org.careaccess.keycloak.broker;

import java.util.Optional;
import java.util.function.Function;

import org.careaccess.keycloak.events.CareAccessEvents;
import org.jboss.logging.Logger;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.broker.provider.UserAuthenticationIdentityProvider.AuthenticationCallback;
import org.keycloak.broker.provider.UserAuthenticationIdentityProvider;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.sessions.AuthenticationSessionModel;

import jakarta.ws.rs.core.Response;

/**
 * A CareAccess identity provider's own rules, applied between the token exchange and Keycloak's
 * account handling: a refused identity never reaches account creation or linking. A refusal is an
 * {@code IDENTITY_PROVIDER_LOGIN} error event (with {@code careaccess_reason}) and sends the person
 * back to the sign-in flow with the refusal's message, through Keycloak's own error handling.
 */
public final class CheckedSignIn implements AuthenticationCallback {

    /** Why an identity may not sign in: the message shown (a login theme key) and the event's reason. */
    public record Refusal(String messageKey, String reason) {
    }

    private static final Logger LOG = Logger.getLogger(CheckedSignIn.class);

    /** Auth note: the alias of the provider whose rules refused the last sign-in, so the page can name it. */
    private static final String REFUSED_BY_NOTE = "careaccess.broker.refusedBy";

    private final AuthenticationCallback delegate;
    private final EventBuilder event;
    private final IdentityProviderModel provider;
    private final String eventError;
    private final Function<BrokeredIdentityContext, Optional<Refusal>> rules;

    /**
     * @param eventError the error of the refusal event, e.g. {@code careaccess_nhsmail_refused}
     * @param rules      the refusal for an identity, or empty when it may sign in
     */
    public CheckedSignIn(AuthenticationCallback delegate, EventBuilder event, IdentityProviderModel provider, String eventError,
                         Function<BrokeredIdentityContext, Optional<Refusal>> rules) {
        this.delegate = delegate;
        this.event = event;
        this.provider = provider;
        this.eventError = eventError;
        this.rules = rules;
    }

    @Override
    public Response authenticated(BrokeredIdentityContext identity) {
        Optional<Refusal> refusal = rules.apply(identity);
        if (refusal.isEmpty()) {
            return delegate.authenticated(identity);
        }
        LOG.debugf("Sign-in refused by identity provider %s: %s", provider.getAlias(), refusal.get().reason());
        event.clone().event(EventType.IDENTITY_PROVIDER_LOGIN)
                .detail(Details.IDENTITY_PROVIDER, provider.getAlias())
                .detail(CareAccessEvents.REASON, refusal.get().reason())
                .error(eventError);
        if (identity.getAuthenticationSession() != null) {
            identity.getAuthenticationSession().setAuthNote(REFUSED_BY_NOTE, provider.getAlias());
        }
        return delegate.error(provider, refusal.get().messageKey());
    }

    /**
     * The provider that refused this sign-in just now, once: Keycloak forwards the refusal to the
     * sign-in page as a bare message key, and the page needs the provider to name it.
     */
    public static IdentityProviderModel refusedBy(AuthenticationSessionModel authSession, KeycloakSession session) {
        String alias = authSession.getAuthNote(REFUSED_BY_NOTE);
        if (alias == null) {
            return null;
        }
        authSession.removeAuthNote(REFUSED_BY_NOTE);
        return session.identityProviders().getByAlias(alias);
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
