package org.careaccess.keycloak.staff.signin;

import java.util.List;
import java.util.regex.Pattern;

import org.careaccess.keycloak.broker.CheckedSignIn;
import org.careaccess.keycloak.broker.ProviderName;
import org.careaccess.keycloak.events.CareAccessEvents;
import org.careaccess.keycloak.flow.FlowStep;
import org.careaccess.keycloak.flow.FlowStepFactory;
import org.careaccess.keycloak.nhsmail.NhsMailWording;
import org.careaccess.keycloak.staff.StaffEmails;
import org.careaccess.keycloak.staff.links.SignInLinkPolicy;
import org.careaccess.keycloak.staff.links.SignInLinks;
import org.careaccess.keycloak.staff.twofactor.TwoFactorChallenge;
import org.careaccess.keycloak.staff.twofactor.TwoFactorProof;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.browser.AbstractUsernameFormAuthenticator;
import org.keycloak.authentication.authenticators.util.AuthenticatorUtils;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.sessions.AuthenticationSessionModel;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import static org.keycloak.services.validation.Validation.FIELD_PASSWORD;
import static org.keycloak.services.validation.Validation.FIELD_USERNAME;

/**
 * The staff sign-in page ({@code staff-signin}): "Log in with NHSmail" first, then email address
 * and password, or "Email me a sign-in link". Proves the first factor only; the two-factor step
 * always follows. Passwords go through Keycloak's own checks (brute-force protection included).
 */
final class StaffSignInForm extends AbstractUsernameFormAuthenticator implements FlowStep {

    static final String TEMPLATE = "careaccess-staff-signin.ftl";
    static final String LINK_SENT_TEMPLATE = "careaccess-signin-link-sent.ftl";
    static final String SEND_LINK = "send-link";
    static final String BACK = "back";

    private static final String LINK_SENT_TO_NOTE = "careaccess.signInLink.sentTo";
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final int MAX_EMAIL_LENGTH = 254;

    /** For {@link #createLoginForm}, which Keycloak's base class calls without the flow context. */
    private final KeycloakSession session;

    StaffSignInForm(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        String linkUser = authSession.getAuthNote(SignInLinks.CONFIRMED_USER_NOTE);
        if (linkUser != null) {
            authSession.removeAuthNote(SignInLinks.CONFIRMED_USER_NOTE);
            continueWithLink(context, linkUser);
            return;
        }
        // A re-authentication (prompt=login, max_age, an action that needs a recent sign-in):
        // the user is known, only the password or a link is asked for.
        if (context.getUser() != null) {
            authSession.setAuthNote(USER_SET_BEFORE_USERNAME_PASSWORD_AUTH, "true");
        } else {
            authSession.removeAuthNote(USER_SET_BEFORE_USERNAME_PASSWORD_AUTH);
        }
        String sentTo = authSession.getAuthNote(LINK_SENT_TO_NOTE);
        context.challenge(sentTo != null ? linkSentPage(context, sentTo) : createLoginForm(withRefusalNamed(context)));
    }

    /**
     * The form, its message naming the identity provider that refused the sign-in (e.g. "This
     * account is not from NHS Wales"): Keycloak forwards a broker's refusal as a bare message key.
     */
    private LoginFormsProvider withRefusalNamed(AuthenticationFlowContext context) {
        FormMessage forwarded = context.getForwardedErrorMessage(); // read first: form() takes it away
        LoginFormsProvider form = context.form();
        IdentityProviderModel refusedBy = CheckedSignIn.refusedBy(context.getAuthenticationSession(), session);
        if (forwarded != null && refusedBy != null) {
            form.setErrors(List.of(new FormMessage(null, forwarded.getMessage(),
                    ProviderName.in(ProviderName.pageLocale(session), refusedBy, session))));
        }
        return form;
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        if (form.containsKey(BACK)) {
            authSession.removeAuthNote(LINK_SENT_TO_NOTE);
            context.challenge(createLoginForm(context.form()));
            return;
        }
        if (form.containsKey(SEND_LINK)) {
            sendLink(context, form);
            return;
        }
        authSession.removeAuthNote(LINK_SENT_TO_NOTE);
        if (!reauthentication(context) && blank(form.getFirst(AuthenticationManager.FORM_USERNAME))) {
            context.challenge(challenge(context, "careaccess.staff.signin.emailMissing", FIELD_USERNAME));
            return;
        }
        if (blank(form.getFirst(FIELD_PASSWORD))) {
            context.challenge(challenge(context, "careaccess.staff.signin.passwordMissing", FIELD_PASSWORD));
            return;
        }
        if (!validateUserAndPassword(context, form)) {
            return;
        }
        firstFactorDone(context, "password");
        context.success(PasswordCredentialModel.TYPE);
    }

    private void sendLink(AuthenticationFlowContext context, MultivaluedMap<String, String> form) {
        UserModel knownUser = reauthentication(context) ? context.getUser() : null;
        String address = knownUser != null ? knownUser.getEmail() : trim(form.getFirst(AuthenticationManager.FORM_USERNAME));
        if (blank(address)) {
            context.challenge(challenge(context, "careaccess.staff.signin.emailMissing", FIELD_USERNAME));
            return;
        }
        if (address.length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(address).matches()) {
            context.challenge(challenge(context, "careaccess.staff.signin.emailInvalid", FIELD_USERNAME));
            return;
        }
        RealmModel realm = context.getRealm();
        SignInLinkPolicy policy = SignInLinkPolicy.from(context.getAuthenticatorConfig());
        EventBuilder event = context.getEvent().clone().event(EventType.SEND_VERIFY_EMAIL)
                .detail(CareAccessEvents.STEP, "signin_link").detail(Details.EMAIL, address);
        if (!SignInLinks.withinLimits(session, realm, context.getExecution().getId(), context.getConnection().getRemoteAddr(), address, policy)) {
            event.detail(CareAccessEvents.REASON, "rate_limited").error("careaccess_rate_limited");
            context.challenge(challenge(context, "careaccess.staff.link.tooMany", FIELD_USERNAME));
            return;
        }
        UserModel user = knownUser != null ? knownUser : userByEmail(realm, address);
        if (user == null) {
            event.error(Errors.USER_NOT_FOUND);
        } else if (!user.isEnabled() || AuthenticatorUtils.getDisabledByBruteForceEventError(context, user) != null) {
            event.user(user).error(Errors.USER_DISABLED);
        } else {
            String token = SignInLinks.issue(session, realm, user, context.getAuthenticationSession(), policy);
            boolean sent = StaffEmails.signInLink(session, realm, user, SignInLinks.url(session, realm, token), policy.lifetimeMinutes());
            event.user(user);
            if (sent) {
                event.success();
            } else {
                event.error(Errors.EMAIL_SEND_FAILED);
            }
        }
        // The same page whatever happened above: it must not tell whether the address has an account.
        context.getAuthenticationSession().setAuthNote(LINK_SENT_TO_NOTE, address);
        context.challenge(linkSentPage(context, address));
    }

    private UserModel userByEmail(RealmModel realm, String address) {
        try {
            return session.users().getUserByEmail(realm, address);
        } catch (ModelDuplicateException e) {
            return null;
        }
    }

    private void continueWithLink(AuthenticationFlowContext context, String userId) {
        UserModel user = session.users().getUserById(context.getRealm(), userId);
        if (user == null || (context.getUser() != null && !context.getUser().getId().equals(userId))) {
            context.getEvent().detail(CareAccessEvents.STEP, "signin_link").error(Errors.USER_NOT_FOUND);
            context.challenge(challenge(context, "careaccess.staff.link.notForThisSignIn", null));
            return;
        }
        context.getEvent().user(user).detail(Details.USERNAME, user.getUsername());
        if (!enabledUser(context, user)) {
            return;
        }
        context.setUser(user);
        context.getAuthenticationSession().setAuthNote(ATTEMPTED_USERNAME, user.getUsername());
        firstFactorDone(context, "signin_link");
        context.success();
    }

    private static void firstFactorDone(AuthenticationFlowContext context, String how) {
        context.getEvent().detail(CareAccessEvents.FIRST_FACTOR, how);
        context.getAuthenticationSession().setAuthNote(TwoFactorChallenge.FIRST_FACTOR_NOTE, how);
        TwoFactorProof.firstFactorDone(context.getAuthenticationSession());
    }

    private boolean reauthentication(AuthenticationFlowContext context) {
        return isUserAlreadySetBeforeUsernamePasswordAuth(context) && context.getUser() != null;
    }

    @Override
    protected Response createLoginForm(LoginFormsProvider form) {
        return signInPage(form).createForm(TEMPLATE);
    }

    private LoginFormsProvider signInPage(LoginFormsProvider form) {
        AuthenticationSessionModel authSession = session.getContext().getAuthenticationSession();
        UserModel known = authSession != null && Boolean.parseBoolean(authSession.getAuthNote(USER_SET_BEFORE_USERNAME_PASSWORD_AUTH))
                ? authSession.getAuthenticatedUser() : null;
        List<NhsMailWording> nhsmail = NhsMailWording.of(session, ProviderName.pageLocale(session));
        String typed = trim(session.getContext().getHttpRequest().getDecodedFormParameters().getFirst(AuthenticationManager.FORM_USERNAME));
        return form
                .setAttribute("nhsmailProviders", nhsmail)
                .setAttribute("nhsmailHintAlias", NhsMailWording.forAddress(nhsmail, typed).map(NhsMailWording::getAlias).orElse(""))
                .setAttribute("knownUsername", known == null ? null : known.getEmail() != null ? known.getEmail() : known.getUsername())
                .setAttribute("linkLifetimeMinutes", SignInLinkPolicy.from(FlowStepFactory.configInCurrentFlow(session,
                        session.getContext().getRealm(), StaffSignInFormFactory.PROVIDER_ID).orElse(null)).lifetimeMinutes());
    }

    private Response linkSentPage(AuthenticationFlowContext context, String address) {
        return context.form()
                .setAttribute("sentTo", address)
                .setAttribute("linkLifetimeMinutes", SignInLinkPolicy.from(context.getAuthenticatorConfig()).lifetimeMinutes())
                .setAttribute("nhsmailHint", NhsMailWording.forAddress(NhsMailWording.of(session, ProviderName.pageLocale(session)), address)
                        .orElse(null))
                .createForm(LINK_SENT_TEMPLATE);
    }

    @Override
    protected String getDefaultChallengeMessage(AuthenticationFlowContext context) {
        return "careaccess.staff.signin.wrong";
    }

    @Override
    protected String disabledByBruteForceError(String error) {
        return Errors.USER_TEMPORARILY_DISABLED.equals(error) ? "careaccess.staff.signin.locked" : "careaccess.staff.signin.lockedPermanently";
    }

    @Override
    public boolean requiresUser() {
        return false;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String trim(String value) {
        return value == null ? null : value.trim();
    }
}
