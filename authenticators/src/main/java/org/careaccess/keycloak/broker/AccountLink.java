package org.careaccess.keycloak.broker;

import org.careaccess.keycloak.events.CareAccessEvents;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.authenticators.broker.util.SerializedBrokeredIdentityContext;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import jakarta.ws.rs.core.Response;

/**
 * First broker sign-in, when an account already has the identity's email: links it at once only if
 * it has nothing to prove itself with (no password, no second factor, no other linked identity), as
 * an account an administrator or the seed service made for this person. Any other account is left
 * to the next alternative, re-authentication with its own password and second factor: an email
 * address alone must not hand over an account that someone protects with credentials. With account
 * creation switched off and no account for the email, the person is refused with a page.
 */
final class AccountLink extends BrokerLoginStep {

    static final String NO_ACCOUNT_MESSAGE = "careaccess.broker.noAccount";

    @Override
    protected void authenticateImpl(AuthenticationFlowContext context, SerializedBrokeredIdentityContext serializedCtx, BrokeredIdentityContext brokerContext) {
        if (context.getAuthenticationSession().getAuthNote(EXISTING_USER_INFO) == null) {
            context.getEvent().detail(CareAccessEvents.REASON, "no_account").error("careaccess_broker_no_account");
            context.failureChallenge(AuthenticationFlowError.UNKNOWN_USER,
                    context.form().setError(NO_ACCOUNT_MESSAGE,
                            ProviderName.in(ProviderName.pageLocale(context.getSession()), brokerContext.getIdpConfig(), context.getSession()))
                            .createErrorPage(Response.Status.FORBIDDEN));
            return;
        }
        UserModel existing = getExistingUser(context.getSession(), context.getRealm(), context.getAuthenticationSession());
        if (protectedByCredentials(context.getSession(), context.getRealm(), existing)) {
            context.attempted();
            return;
        }
        context.setUser(existing);
        context.success();
    }

    @Override
    protected void actionImpl(AuthenticationFlowContext context, SerializedBrokeredIdentityContext serializedCtx, BrokeredIdentityContext brokerContext) {
        authenticateImpl(context, serializedCtx, brokerContext);
    }

    private static boolean protectedByCredentials(KeycloakSession session, RealmModel realm, UserModel user) {
        return user.credentialManager().getStoredCredentialsStream().findAny().isPresent()
                || session.users().getFederatedIdentitiesStream(realm, user).findAny().isPresent();
    }
}
