package org.careaccess.keycloak.staff.twofactor;

import java.util.List;
import java.util.Optional;

import org.careaccess.keycloak.events.CareAccessEvents;
import org.careaccess.keycloak.flow.FlowStep;
import org.careaccess.keycloak.flow.Lockout;
import org.careaccess.keycloak.otp.CodePolicy;
import org.careaccess.keycloak.otp.CodeScreen;
import org.careaccess.keycloak.otp.TextedSecurityCode.SendResult;
import org.careaccess.keycloak.otp.TextedSecurityCode.VerifyResult;
import org.careaccess.keycloak.otp.TextedSecurityCode;
import org.careaccess.keycloak.sms.PhoneNumberMask;
import org.careaccess.keycloak.staff.twofactor.TwoFactorCredentials.Enrolment;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.events.Errors;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.sessions.AuthenticationSessionModel;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

/**
 * The second factor after a password or a sign-in link: a texted code ({@code 2fa-sms-code}) or
 * an authenticator-app code ({@code 2fa-app-code}); someone with both can switch. Someone with
 * neither is sent to set one up (the {@code careaccess-2fa-setup} required action, for this
 * sign-in only); when that action is disabled or not registered in the realm they are refused
 * ({@code 2fa-unavailable}), never let through. Every wrong code goes through {@code failureChallenge},
 * so it counts towards the realm's brute-force protection, and a locked-out user is refused before
 * anything is texted.
 */
public final class TwoFactorChallenge implements FlowStep {

    public static final String FIRST_FACTOR_NOTE = "careaccess.firstFactor";
    static final String METHOD = "method";
    private static final String METHOD_NOTE = "careaccess.2fa.method";
    private static final String UNAVAILABLE_TEMPLATE = "careaccess-staff-2fa-unavailable.ftl";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        Enrolment enrolment = TwoFactorCredentials.read(context.getUser());
        if (unavailable(context, enrolment) || lockedOut(context, enrolment)) {
            return;
        }
        show(context, enrolment, method(context, enrolment), false);
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        Enrolment enrolment = TwoFactorCredentials.read(context.getUser());
        if (unavailable(context, enrolment) || lockedOut(context, enrolment)) {
            return;
        }
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        if (form.containsKey(METHOD)) {
            TwoFactorMethod.fromForm(form.getFirst(METHOD)).filter(enrolment::has)
                    .ifPresent(m -> context.getAuthenticationSession().setAuthNote(METHOD_NOTE, m.formValue()));
            show(context, enrolment, method(context, enrolment), false);
            return;
        }
        TwoFactorMethod method = method(context, enrolment);
        if (form.containsKey(SecurityCodePage.RESEND) && method == TwoFactorMethod.SMS) {
            show(context, enrolment, method, true);
            return;
        }
        String typed = form.getFirst(SecurityCodePage.CODE);
        if (typed == null || typed.isBlank()) {
            context.challenge(codePage(context, enrolment, method).addError(new FormMessage(SecurityCodePage.CODE, "careaccess.staff.code.missing"))
                    .createForm(SecurityCodePage.TEMPLATE));
            return;
        }
        boolean accepted = method == TwoFactorMethod.SMS ? textedCodeAccepted(context, enrolment, typed) : appCodeAccepted(context, enrolment, typed);
        if (!accepted) {
            return;
        }
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        TwoFactorProof.secondFactorDone(authSession, method);
        context.getEvent()
                .detail(CareAccessEvents.FIRST_FACTOR, authSession.getAuthNote(FIRST_FACTOR_NOTE))
                .detail(CareAccessEvents.SECOND_FACTOR, method.formValue());
        authSession.removeAuthNote(METHOD_NOTE);
        // Either way a one-time code: the "otp" category makes brute-force protection count this
        // success (and clear the failures), which it does only for password, otp and recovery codes.
        context.success(OTPCredentialModel.TYPE);
    }

    /** Shows the code page of this method, texting a code first unless a live one is on its way. */
    private void show(AuthenticationFlowContext context, Enrolment enrolment, TwoFactorMethod method, boolean askedAgain) {
        if (method == TwoFactorMethod.APP) {
            context.challenge(codePage(context, enrolment, method).createForm(SecurityCodePage.TEMPLATE));
            return;
        }
        String mobile = enrolment.mobile().orElseThrow();
        TextedSecurityCode code = textedCode(context);
        SendResult result = askedAgain ? code.sendNew(mobile, SecurityCodePage.host(context.getSession())) : code.sendUnlessLive(mobile, SecurityCodePage.host(context.getSession()));
        context.getEvent().detail(CareAccessEvents.SMS, CodeScreen.STAFF.smsDetail(result))
                .detail(CareAccessEvents.MASKED_NUMBER, PhoneNumberMask.mask(mobile));
        if (result.outcome() == TextedSecurityCode.SendOutcome.FAILED) {
            context.getEvent().clone().error("careaccess_sms_failed");
            context.challenge(context.form().setAttribute("otherMethod", otherMethod(enrolment, method))
                    .createForm(SecurityCodePage.SMS_FAILED_TEMPLATE));
            return;
        }
        LoginFormsProvider page = codePage(context, enrolment, method);
        CodeScreen.STAFF.afterSend(result, askedAgain).ifPresent(message -> message.addTo(page, null));
        context.challenge(page.createForm(SecurityCodePage.TEMPLATE));
    }

    private boolean textedCodeAccepted(AuthenticationFlowContext context, Enrolment enrolment, String typed) {
        VerifyResult result = textedCode(context).verify(typed);
        Optional<CodeScreen.Refusal> refusal = CodeScreen.STAFF.refusal(result, typed);
        refusal.ifPresent(r -> refuse(context, enrolment, TwoFactorMethod.SMS, r.messageKey(), r.reason(), r.counts()));
        return refusal.isEmpty();
    }

    private boolean appCodeAccepted(AuthenticationFlowContext context, Enrolment enrolment, String typed) {
        Optional<String> code = SecurityCodePage.appCode(typed, context.getRealm().getOTPPolicy().getDigits());
        if (code.isEmpty()) {
            refuse(context, enrolment, TwoFactorMethod.APP, "careaccess.staff.code.malformed", "code_malformed", false);
            return false;
        }
        UserModel user = context.getUser();
        boolean valid = user.credentialManager().getStoredCredentialsByTypeStream(OTPCredentialModel.TYPE)
                .anyMatch(c -> user.credentialManager().isValid(new UserCredentialModel(c.getId(), OTPCredentialModel.TYPE, code.get())));
        if (!valid) {
            refuse(context, enrolment, TwoFactorMethod.APP, "careaccess.staff.app.wrong", "code_wrong", true);
        }
        return valid;
    }

    /** A refused code counts towards brute-force protection as {@link CodeScreen} says; a mistyped one never does. */
    private void refuse(AuthenticationFlowContext context, Enrolment enrolment, TwoFactorMethod method, String messageKey, String reason,
                        boolean counts) {
        Response page = codePage(context, enrolment, method).addError(new FormMessage(SecurityCodePage.CODE, messageKey))
                .createForm(SecurityCodePage.TEMPLATE);
        if (counts) {
            context.getEvent().user(context.getUser()).detail(CareAccessEvents.SECOND_FACTOR, method.formValue())
                    .detail(CareAccessEvents.REASON, reason).error(Errors.INVALID_USER_CREDENTIALS);
            context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS, page);
        } else {
            context.challenge(page);
        }
    }

    /** Someone without a second factor here cannot set one up (see {@link #configuredFor}): refused, with an error event. */
    private static boolean unavailable(AuthenticationFlowContext context, Enrolment enrolment) {
        if (enrolment.hasAny()) {
            return false;
        }
        context.getEvent().user(context.getUser()).detail(CareAccessEvents.REASON, "2fa_setup_disabled").error("careaccess_2fa_unavailable");
        context.forceChallenge(context.form().createForm(UNAVAILABLE_TEMPLATE));
        return true;
    }

    private boolean lockedOut(AuthenticationFlowContext context, Enrolment enrolment) {
        return Lockout.refuses(context, lock -> {
            context.getEvent().user(context.getUser()).error(lock.eventError());
            context.forceChallenge(codePage(context, enrolment, method(context, enrolment))
                    .addError(new FormMessage(null, lock.temporary() ? "careaccess.staff.2fa.locked" : "careaccess.staff.signin.lockedPermanently"))
                    .setAttribute("locked", true)
                    .createForm(SecurityCodePage.TEMPLATE));
        });
    }

    private LoginFormsProvider codePage(AuthenticationFlowContext context, Enrolment enrolment, TwoFactorMethod method) {
        String mobile = method == TwoFactorMethod.SMS ? enrolment.mobile().orElse(null) : null;
        String page = method == TwoFactorMethod.SMS ? "2fa-sms-code" : "2fa-app-code";
        return SecurityCodePage.page(context.form(), page, method, mobile, policy(context))
                .setAttribute("otherMethod", otherMethod(enrolment, method));
    }

    /** The method to show: the one chosen on this sign-in, else the user's first. */
    private static TwoFactorMethod method(AuthenticationFlowContext context, Enrolment enrolment) {
        return TwoFactorMethod.fromForm(context.getAuthenticationSession().getAuthNote(METHOD_NOTE))
                .filter(enrolment::has)
                .orElse(enrolment.methods().isEmpty() ? TwoFactorMethod.APP : enrolment.methods().get(0));
    }

    private static String otherMethod(Enrolment enrolment, TwoFactorMethod current) {
        return enrolment.other(current).map(TwoFactorMethod::formValue).orElse(null);
    }

    private static TextedSecurityCode textedCode(AuthenticationFlowContext context) {
        return SecurityCodePage.textedCode(context.getSession(), context.getRealm(), context.getUser(), policy(context));
    }

    private static CodePolicy policy(AuthenticationFlowContext context) {
        return CodePolicy.from(context.getAuthenticatorConfig());
    }

    /**
     * Keycloak 26.7 (DefaultAuthenticationFlow) never runs a required step that is not configured for
     * the user: it marks it "set-up needed" and lets the flow succeed when the step's required actions
     * are enabled, and shows its generic "credential setup required" error otherwise. Without a second
     * factor and without an enabled set-up action, this step reports itself configured so that
     * {@link #authenticate} runs and refuses with CareAccess's own page and event.
     */
    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return TwoFactorCredentials.hasAny(user) || !areRequiredActionsEnabled(session, realm);
    }

    /** Declared so that Keycloak itself never counts this step as done by a set-up action that cannot run. */
    @Override
    public List<RequiredActionFactory> getRequiredActions(KeycloakSession session) {
        return List.of((RequiredActionFactory) session.getKeycloakSessionFactory()
                .getProviderFactory(RequiredActionProvider.class, TwoFactorSetupFactory.PROVIDER_ID));
    }

    /** For this sign-in only: a person who signs in with NHSmail next time is not asked. */
    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
        AuthenticationSessionModel authSession = session.getContext().getAuthenticationSession();
        if (authSession != null && !authSession.getRequiredActions().contains(TwoFactorSetupFactory.PROVIDER_ID)) {
            authSession.addRequiredAction(TwoFactorSetupFactory.PROVIDER_ID);
        }
    }
}
