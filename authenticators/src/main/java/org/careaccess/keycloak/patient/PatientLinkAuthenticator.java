package org.careaccess.keycloak.patient;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;

import jakarta.ws.rs.core.Response;

import org.careaccess.keycloak.events.CareAccessEvents;
import org.careaccess.keycloak.flow.FlowStep;
import org.careaccess.keycloak.link.LinkSessions;
import org.careaccess.keycloak.link.PatientLink;
import org.careaccess.keycloak.link.PatientLinks;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.LoginProtocol;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Step 1 of {@code careaccess patient link}: which link, and so which patient. The code arrives as
 * the authorization request parameter {@code careaccess_link} and is read once ({@link RequestedLink}). A link that is unknown, expired or
 * revoked gets one page that says the link does not work. A request without a link may continue
 * an existing sign-in (single sign-on), as Keycloak's cookie step would; a request with a link
 * always goes through the link's own steps, and another patient's session on this browser is
 * never used for it.
 */
final class PatientLinkAuthenticator implements FlowStep {

    static final String STEP = "link";
    static final String OTHER_PATIENT_PAGE = "careaccess-link-other-patient.ftl";
    static final String SIGN_IN_PAGE = "careaccess-patient-signin.ftl";
    static final String SIGN_OUT = "sign-out";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        Optional<String> requested = RequestedLink.take(context.getSession(), authSession);
        if (requested.isEmpty()) {
            if (!continueSingleSignOn(context)) {
                signInWithoutALink(context);
            }
            return;
        }
        Optional<PatientLink> link = new PatientLinks(context.getSession(), context.getRealm()).byId(requested.get());
        if (link.isEmpty()) {
            LinkFlow.showInvalid(context, STEP, "link_unknown", null);
            return;
        }
        PatientLink found = link.get();
        PatientLink.Status status = found.status(Instant.now());
        if (status == PatientLink.Status.LOCKED) {
            LinkFlow.showLockedForGood(context, STEP, found.id());
            return;
        }
        if (status != PatientLink.Status.ACTIVE) {
            LinkFlow.showInvalid(context, STEP, "link_" + status.name().toLowerCase(java.util.Locale.ROOT), found.id());
            return;
        }
        UserModel patient = context.getSession().users().getUserById(context.getRealm(), found.userId());
        if (patient == null || !patient.isEnabled()) {
            LinkFlow.showInvalid(context, STEP, "patient_unavailable", found.id());
            return;
        }
        authSession.setAuthNote(LinkFlow.LINK_ID_NOTE, found.id());
        context.setUser(patient);
        if (otherPatientSignedIn(context, patient).isPresent()) {
            LinkFlow.error(context, STEP, "careaccess_other_patient", "other_patient_signed_in", found.id());
            context.challenge(context.form().createForm(OTHER_PATIENT_PAGE));
            return;
        }
        opened(context, found);
    }

    /** The only form here: "Sign out and continue" on the other-patient page; the sign-in page has none. */
    @Override
    public void action(AuthenticationFlowContext context) {
        if (context.getAuthenticationSession().getAuthNote(LinkFlow.LINK_ID_NOTE) == null) {
            authenticate(context);
            return;
        }
        Optional<PatientLink> link = LinkFlow.currentLinkOrInvalidPage(context, STEP);
        if (link.isEmpty()) {
            return;
        }
        UserModel patient = context.getSession().users().getUserById(context.getRealm(), link.get().userId());
        if (patient == null || !patient.isEnabled()) {
            LinkFlow.showInvalid(context, STEP, "patient_unavailable", link.get().id());
            return;
        }
        context.setUser(patient);
        Optional<UserSessionModel> other = otherPatientSignedIn(context, patient);
        if (other.isPresent()) {
            if (!context.getHttpRequest().getDecodedFormParameters().containsKey(SIGN_OUT)) {
                context.challenge(context.form().createForm(OTHER_PATIENT_PAGE));
                return;
            }
            signOut(context, other.get());
            String ticket = RequestedLink.ticket(context.getSession(), context.getRealm(), link.get().id());
            context.forceChallenge(Response.status(Response.Status.FOUND)
                    .location(AuthorizationRequestReplay.of(context.getSession(), context.getAuthenticationSession(), ticket)).build());
            return;
        }
        opened(context, link.get());
    }

    private static void opened(AuthenticationFlowContext context, PatientLink link) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        authSession.setClientNote(LinkSessions.CLAIM_ID_NOTE, link.id());
        authSession.setClientNote(LinkFlow.CLAIM_PURPOSE_NOTE, link.purpose().value());
        authSession.setClientNote(LinkFlow.CLAIM_RESOURCE_NOTE, link.resource() == null ? "" : link.resource());
        LinkFlow.markOpened(authSession, link);
        AuthenticationMethods.startOver(authSession);
        context.getEvent().detail(CareAccessEvents.LINK_ID, link.id());
        LinkFlow.passed(context, STEP, link.id());
        context.success();
    }

    /**
     * The session Keycloak would attach at the end of this flow, when it is a live session of
     * someone else. Keycloak reuses the browser's session id for the new sign-in, so finishing
     * this flow would otherwise end on its "already signed in as a different user" error.
     */
    private static Optional<UserSessionModel> otherPatientSignedIn(AuthenticationFlowContext context, UserModel patient) {
        RealmModel realm = context.getRealm();
        UserSessionModel existing = context.getSession().sessions().getUserSession(realm,
                context.getAuthenticationSession().getParentSession().getId());
        if (existing == null || existing.getUser() == null || !AuthenticationManager.isSessionValid(realm, existing)) {
            return Optional.empty();
        }
        return existing.getUser().getId().equals(patient.getId()) ? Optional.empty() : Optional.of(existing);
    }

    /**
     * Ends the other person's session on this browser and makes the browser forget this
     * authentication session, whose id is that session's: the request then starts again (see
     * {@link AuthorizationRequestReplay}) in a fresh authentication session, so the new patient's
     * session never takes over the old session's id, which the other person's refresh tokens
     * name. Keycloak's back-channel logout is not used here: it would remove the authentication
     * session this request is still running in.
     */
    private static void signOut(AuthenticationFlowContext context, UserSessionModel other) {
        KeycloakSession session = context.getSession();
        context.getEvent().clone().event(EventType.LOGOUT)
                .user(other.getUser()).session(other)
                .detail(CareAccessEvents.STEP, STEP)
                .detail(CareAccessEvents.REASON, "other_patient_opened_link")
                .detail(CareAccessEvents.LINK_ID, context.getAuthenticationSession().getAuthNote(LinkFlow.LINK_ID_NOTE))
                .success();
        session.sessions().removeUserSession(context.getRealm(), other);
        AuthenticationManager.expireIdentityCookie(session);
        AuthenticationManager.expireAuthSessionCookie(session);
    }

    /**
     * No link and no session: the portal's own sign-in page, "Continue to NHS login", when the
     * realm has NHS login (straight there when the client asked for it with {@code kc_idp_hint},
     * unless NHS login has just sent the person back with an error); otherwise there is no way in
     * without a link.
     */
    private static void signInWithoutALink(AuthenticationFlowContext context) {
        // This sign-in opens no link: NHS login's steps must not take an earlier link of this session for it.
        context.getAuthenticationSession().setClientNote(LinkSessions.CLAIM_ID_NOTE, "");
        Optional<NhsLoginOffer> nhsLogin = NhsLoginOffer.inRealm(context);
        if (nhsLogin.isEmpty()) {
            LinkFlow.showInvalid(context, STEP, "link_missing", null);
            return;
        }
        if (nhsLogin.get().requestedBy(context) && context.getForwardedErrorMessage() == null) {
            context.forceChallenge(Response.seeOther(URI.create(nhsLogin.get().url())).build());
            return;
        }
        context.challenge(context.form().setAttribute("nhsLogin", nhsLogin.get().url()).createForm(SIGN_IN_PAGE));
    }

    /** A request without a link continues a live sign-in of this browser, like Keycloak's cookie step. */
    private static boolean continueSingleSignOn(AuthenticationFlowContext context) {
        AuthenticationManager.AuthResult sso = AuthenticationManager.authenticateIdentityCookie(context.getSession(), context.getRealm(), true);
        if (sso == null) {
            return false;
        }
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        LoginProtocol protocol = context.getSession().getProvider(LoginProtocol.class, authSession.getProtocol());
        if (protocol.requireReauthentication(sso.session(), authSession)) {
            return false;
        }
        authSession.setAuthNote(AuthenticationManager.SSO_AUTH, "true");
        // This sign-in opened no link: the client session must not keep an earlier link's claim.
        authSession.setClientNote(LinkSessions.CLAIM_ID_NOTE, "");
        context.setUser(sso.user());
        context.attachUserSession(sso.session());
        context.success();
        return true;
    }

    /** The first step: it finds the user. */
    @Override
    public boolean requiresUser() {
        return false;
    }
}
