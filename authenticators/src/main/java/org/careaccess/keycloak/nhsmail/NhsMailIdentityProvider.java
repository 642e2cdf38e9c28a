package org.careaccess.keycloak.nhsmail;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

import org.careaccess.keycloak.accounts.GenericAccount;
import org.careaccess.keycloak.broker.CheckedSignIn;
import org.careaccess.keycloak.broker.TokenClaims;
import org.keycloak.broker.oidc.OIDCIdentityProvider;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.FederatedIdentityModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.representations.AccessTokenResponse;
import org.keycloak.representations.IDToken;
import org.keycloak.representations.JsonWebToken;

/**
 * The NHSmail identity provider: Keycloak's OpenID Connect broker with NHSmail's rules on top.
 * Keycloak already checks the ID token's signature, audience, expiry and issuer (the tenant's
 * issuer); this adds that the token's {@code tid} is the configured tenant, takes the email from
 * {@code email} or, as Entra's v2.0 tokens often lack it, from {@code preferred_username}, and
 * refuses addresses outside the allowed domains and identities that would reach a generic (shared)
 * account. A refusal sends the person back to the sign-in
 * page with a message, before any account is created or linked.
 */
final class NhsMailIdentityProvider extends OIDCIdentityProvider {

    static final String TENANT_CLAIM = "tid";

    NhsMailIdentityProvider(KeycloakSession session, NhsMailIdentityProviderConfig config) {
        super(session, config);
    }

    @Override
    public NhsMailIdentityProviderConfig getConfig() {
        return (NhsMailIdentityProviderConfig) super.getConfig();
    }

    @Override
    public Object callback(RealmModel realm, AuthenticationCallback callback, EventBuilder event) {
        return new OIDCEndpoint(new CheckedSignIn(callback, event, getConfig(), "careaccess_nhsmail_refused", this::refusal),
                realm, event, this);
    }

    @Override
    protected BrokeredIdentityContext extractIdentity(AccessTokenResponse tokenResponse, String accessToken, JsonWebToken idToken)
            throws IOException {
        BrokeredIdentityContext identity = super.extractIdentity(tokenResponse, accessToken, idToken);
        String email = firstAddress(identity.getEmail(), TokenClaims.of(idToken, IDToken.PREFERRED_USERNAME));
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

    /** Why this identity may not sign in here; empty when it may. */
    Optional<CheckedSignIn.Refusal> refusal(BrokeredIdentityContext identity) {
        String tenant = TokenClaims.of((JsonWebToken) identity.getContextData().get(VALIDATED_ID_TOKEN), TENANT_CLAIM);
        if (tenant == null || !tenant.equalsIgnoreCase(getConfig().tenant())) {
            return Optional.of(NhsMailMessages.WRONG_TENANT);
        }
        if (identity.getEmail() == null) {
            return Optional.of(NhsMailMessages.NO_EMAIL);
        }
        if (!getConfig().allows(identity.getEmail())) {
            return Optional.of(NhsMailMessages.DOMAIN_NOT_ALLOWED);
        }
        if (reachesGenericAccount(identity)) {
            return Optional.of(NhsMailMessages.GENERIC_ACCOUNT);
        }
        return Optional.empty();
    }

    /**
     * The account this identity would sign in to: the one linked to its subject, else one Keycloak's
     * first sign-in would find by email or username (both the address here). A generic account is
     * shared by several people and an NHSmail identity is one person's, so the two never meet.
     */
    private boolean reachesGenericAccount(BrokeredIdentityContext identity) {
        RealmModel realm = session.getContext().getRealm();
        UserModel linked = session.users().getUserByFederatedIdentity(realm,
                new FederatedIdentityModel(getConfig().getAlias(), identity.getId(), identity.getUsername()));
        if (linked != null) {
            return GenericAccount.is(linked);
        }
        return GenericAccount.is(session.users().getUserByEmail(realm, identity.getEmail()))
                || GenericAccount.is(session.users().getUserByUsername(realm, identity.getEmail()));
    }
}
