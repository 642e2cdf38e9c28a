package org.careaccess.keycloak.patient;

import java.util.Optional;

import org.careaccess.keycloak.link.NhsNumber;
import org.careaccess.keycloak.nhslogin.NhsLoginIdentityProviderFactory;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationProcessor;
import org.keycloak.constants.AdapterConstants;
import org.keycloak.models.IdentityProviderStorageProvider;
import org.keycloak.models.UserModel;
import org.keycloak.services.Urls;
import org.keycloak.services.managers.ClientSessionCode;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * "Continue to NHS login" on CareAccess's patient pages: the realm's NHS login identity provider
 * and the URL that continues this sign-in there.
 *
 * @param alias the identity provider's alias, e.g. {@code nhs-login}
 * @param url   the broker URL, bound to this authentication session
 */
public record NhsLoginOffer(String alias, String url) {

    /**
     * For the date of birth page: offered only when the link's patient has an NHS number (NHS
     * login can then prove the patient is the link's) and the realm has NHS login enabled.
     */
    public static Optional<NhsLoginOffer> forPatient(AuthenticationFlowContext context, UserModel patient) {
        if (patient == null || patient.getFirstAttribute(NhsNumber.ATTRIBUTE) == null) {
            return Optional.empty();
        }
        return inRealm(context);
    }

    /** The realm's enabled NHS login identity provider, if it has one. */
    public static Optional<NhsLoginOffer> inRealm(AuthenticationFlowContext context) {
        return context.getSession().identityProviders()
                .getForLogin(IdentityProviderStorageProvider.FetchMode.REALM_ONLY, null)
                .filter(idp -> NhsLoginIdentityProviderFactory.PROVIDER_ID.equals(idp.getProviderId()))
                .findFirst()
                .map(idp -> new NhsLoginOffer(idp.getAlias(), brokerUrl(context, idp.getAlias())));
    }

    /** Whether the client asked for this provider ({@code kc_idp_hint}), as Keycloak's redirector reads it. */
    public boolean requestedBy(AuthenticationFlowContext context) {
        String hint = context.getUriInfo().getQueryParameters().getFirst(AdapterConstants.KC_IDP_HINT);
        if (hint == null) {
            hint = context.getAuthenticationSession().getClientNote(AdapterConstants.KC_IDP_HINT);
        }
        return alias.equals(hint);
    }

    /** As Keycloak's identity provider redirector builds it. */
    private static String brokerUrl(AuthenticationFlowContext context, String alias) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        String accessCode = new ClientSessionCode<>(context.getSession(), context.getRealm(), authSession).getOrGenerateCode();
        return Urls.identityProviderAuthnRequest(context.getUriInfo().getBaseUri(), alias, context.getRealm().getName(), accessCode,
                authSession.getClient().getClientId(), authSession.getTabId(),
                AuthenticationProcessor.getClientData(context.getSession(), authSession), null).toString();
    }
}
