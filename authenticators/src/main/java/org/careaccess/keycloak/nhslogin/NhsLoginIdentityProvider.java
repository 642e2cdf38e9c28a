package org.careaccess.keycloak.nhslogin;

import java.io.IOException;
import java.util.Optional;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;

import org.careaccess.keycloak.broker.CheckedSignIn.Refusal;
import org.careaccess.keycloak.broker.CheckedSignIn;
import org.careaccess.keycloak.broker.TokenClaims;
import org.careaccess.keycloak.link.BirthDates;
import org.careaccess.keycloak.link.NhsNumber;
import org.jboss.logging.Logger;
import org.keycloak.broker.oidc.OIDCIdentityProvider;
import org.keycloak.broker.provider.AuthenticationRequest;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.broker.provider.IdentityBrokerException;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.representations.AccessTokenResponse;
import org.keycloak.representations.JsonWebToken;

/**
 * The NHS login identity provider: Keycloak's OpenID Connect broker with NHS login's rules. The
 * endpoints come from the issuer's discovery document; the authorization request carries
 * {@code vtr}; a sign-in is refused, before any account is looked at, when its {@code vot} is not
 * one of the requested vectors or it brings no valid NHS number. The NHS number, birth date and
 * mobile number become attributes of the brokered identity, for the CareAccess steps that match
 * the patient ({@code patient.nhslogin.NhsNumberMatchAuthenticator}, {@code NhsLoginLinkAuthenticator}); they never
 * overwrite what the patient record holds. NHS login has no logout endpoint: none is called.
 */
final class NhsLoginIdentityProvider extends OIDCIdentityProvider {

    static final String VTR_PARAMETER = "vtr";
    static final String VOT_CLAIM = "vot";
    static final String NHS_NUMBER_CLAIM = "nhs_number";
    static final String BIRTHDATE_CLAIM = "birthdate";
    static final String PHONE_CLAIM = "phone_number";

    static final Refusal VOT_NOT_REQUESTED = new Refusal("careaccess.nhslogin.notVerified", "vot_not_requested");
    static final Refusal NO_NHS_NUMBER = new Refusal("careaccess.nhslogin.notVerified", "no_nhs_number");

    private static final Logger LOG = Logger.getLogger(NhsLoginIdentityProvider.class);

    NhsLoginIdentityProvider(KeycloakSession session, NhsLoginIdentityProviderConfig config) {
        super(session, config);
    }

    @Override
    public NhsLoginIdentityProviderConfig getConfig() {
        return (NhsLoginIdentityProviderConfig) super.getConfig();
    }

    @Override
    public Response performLogin(AuthenticationRequest request) {
        NhsLoginDiscovery.apply(session, getConfig());
        return super.performLogin(request);
    }

    @Override
    protected UriBuilder createAuthorizationUrl(AuthenticationRequest request) {
        return super.createAuthorizationUrl(request).queryParam(VTR_PARAMETER, getConfig().vectorsOfTrust().requestParameter());
    }

    @Override
    public Object callback(RealmModel realm, AuthenticationCallback callback, EventBuilder event) {
        try {
            NhsLoginDiscovery.apply(session, getConfig());
        } catch (IdentityBrokerException e) {
            // The token request then fails too, and Keycloak shows its "unexpected error" page.
            LOG.warnf("NHS login identity provider %s: %s", getConfig().getAlias(), e.getMessage());
        }
        return new OIDCEndpoint(new CheckedSignIn(callback, event, getConfig(), "careaccess_nhslogin_refused", this::refusal),
                realm, event, this);
    }

    @Override
    protected BrokeredIdentityContext extractIdentity(AccessTokenResponse tokenResponse, String accessToken, JsonWebToken idToken)
            throws IOException {
        BrokeredIdentityContext identity = super.extractIdentity(tokenResponse, accessToken, idToken);
        NhsNumber.normalise(TokenClaims.of(identity, NHS_NUMBER_CLAIM))
                .ifPresent(number -> identity.setUserAttribute(NhsNumber.ATTRIBUTE, number));
        BirthDates.parseIso(TokenClaims.of(identity, BIRTHDATE_CLAIM))
                .ifPresent(date -> identity.setUserAttribute(BirthDates.ATTRIBUTE, date.toString()));
        String phone = TokenClaims.of(identity, PHONE_CLAIM);
        if (phone != null) {
            identity.setUserAttribute(PHONE_CLAIM, phone);
        }
        return identity;
    }

    /** Why this NHS login sign-in may not be used here; empty when it may. */
    Optional<Refusal> refusal(BrokeredIdentityContext identity) {
        if (!getConfig().vectorsOfTrust().accepts(TokenClaims.of(identity, VOT_CLAIM))) {
            return Optional.of(VOT_NOT_REQUESTED);
        }
        if (identity.getUserAttribute(NhsNumber.ATTRIBUTE) == null) {
            return Optional.of(NO_NHS_NUMBER);
        }
        return Optional.empty();
    }

    /** NHS login has no logout endpoint. */
    @Override
    public Response keycloakInitiatedBrowserLogout(KeycloakSession session, UserSessionModel userSession, UriInfo uriInfo, RealmModel realm) {
        return null;
    }

    /** NHS login has no logout endpoint. */
    @Override
    public void backchannelLogout(KeycloakSession session, UserSessionModel userSession, UriInfo uriInfo, RealmModel realm) {
    }
}
