package org.careaccess.keycloak.staff.twofactor;

import java.util.Optional;

import org.careaccess.keycloak.events.CareAccessEvents;
import org.careaccess.keycloak.otp.CodePolicy;
import org.careaccess.keycloak.otp.CodeScreen;
import org.careaccess.keycloak.otp.TextedSecurityCode.SendResult;
import org.careaccess.keycloak.otp.TextedSecurityCode.VerifyResult;
import org.careaccess.keycloak.otp.TextedSecurityCode;
import org.careaccess.keycloak.phone.PhoneNumberRejectedException;
import org.careaccess.keycloak.phone.PhoneNumberRules;
import org.careaccess.keycloak.sms.PhoneNumberMask;
import org.careaccess.keycloak.staff.StaffEmails;
import org.keycloak.authentication.InitiatedActionSupport;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.events.Details;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OTPPolicy;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.models.utils.CredentialValidation;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.models.utils.HmacOTP;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.utils.CredentialHelper;
import org.keycloak.utils.TotpUtils;

import jakarta.ws.rs.core.MultivaluedMap;

/**
 * Setting up two-factor authentication ({@code careaccess-2fa-setup}): choose text message or
 * authenticator app ({@code 2fa-choose}); for a text, a mobile number ({@code 2fa-sms-number},
 * through the shared phone number rules) and the code texted to it ({@code 2fa-sms-confirm}); for
 * an app, a QR code with the key as text and the app's code ({@code 2fa-app}). The credential is
 * created only once a code matched. Runs after a first sign-in without 2FA, or from an app
 * ({@code kc_action=careaccess-2fa-setup}) to add or replace a method, which then needs a second
 * factor from this sign-in if the person already has one. "Cancel" there is Keycloak's own
 * {@code cancel-aia}, which changes nothing.
 */
final class TwoFactorSetup implements RequiredActionProvider {

    static final String METHOD = "method";
    static final String MOBILE = "mobile";
    static final String CHANGE = "change";
    static final String BACK = "back";

    private static final String STEP_NOTE = "careaccess.setup.step";
    private static final String MOBILE_NOTE = "careaccess.setup.mobile";
    private static final String SECRET_NOTE = "careaccess.setup.secret";

    private static final String CHOOSE = "choose";
    private static final String SMS_NUMBER = "sms-number";
    private static final String SMS_CONFIRM = "sms-confirm";
    private static final String APP = "app";

    private final KeycloakSession session;

    TwoFactorSetup(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
    }

    @Override
    public InitiatedActionSupport initiatedActionSupport() {
        return InitiatedActionSupport.SUPPORTED;
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        if (needsSecondFactorFirst(context)) {
            context.challenge(TwoFactorReset.refusedPage(context.form(), "2fa-setup-refused"));
            return;
        }
        String step = step(context);
        switch (step) {
            case SMS_NUMBER -> context.challenge(numberPage(context).createForm("careaccess-staff-2fa-sms-number.ftl"));
            case SMS_CONFIRM -> context.challenge(confirmPage(context).createForm(SecurityCodePage.TEMPLATE));
            case APP -> context.challenge(appPage(context).createForm("careaccess-staff-2fa-app.ftl"));
            default -> context.challenge(choosePage(context).createForm("careaccess-staff-2fa-choose.ftl"));
        }
    }

    @Override
    public void processAction(RequiredActionContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        if (needsSecondFactorFirst(context)) {
            requiredActionChallenge(context);
            return;
        }
        if (form.containsKey(BACK)) {
            setStep(context, CHOOSE);
            requiredActionChallenge(context);
            return;
        }
        switch (step(context)) {
            case SMS_NUMBER -> numberEntered(context, form.getFirst(MOBILE));
            case SMS_CONFIRM -> confirmAction(context, form);
            case APP -> appCodeEntered(context, form.getFirst(SecurityCodePage.CODE));
            default -> methodChosen(context, form.getFirst(METHOD));
        }
    }

    private void methodChosen(RequiredActionContext context, String value) {
        Optional<TwoFactorMethod> method = TwoFactorMethod.fromForm(value);
        if (method.isEmpty()) {
            context.challenge(choosePage(context).addError(new FormMessage(METHOD, "careaccess.staff.setup.methodMissing"))
                    .createForm("careaccess-staff-2fa-choose.ftl"));
            return;
        }
        if (method.get() == TwoFactorMethod.APP) {
            context.getAuthenticationSession().setAuthNote(SECRET_NOTE, HmacOTP.generateSecret(20));
            setStep(context, APP);
        } else {
            setStep(context, SMS_NUMBER);
        }
        requiredActionChallenge(context);
    }

    private void numberEntered(RequiredActionContext context, String typed) {
        String mobile;
        try {
            mobile = PhoneNumberRules.normalise(typed, PhoneNumberRules.Options.of(context.getRealm()));
        } catch (PhoneNumberRejectedException e) {
            context.challenge(numberPage(context).addError(new FormMessage(MOBILE, e.reason().messageKey()))
                    .createForm("careaccess-staff-2fa-sms-number.ftl"));
            return;
        }
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        TextedSecurityCode code = textedCode(context);
        boolean sameNumber = mobile.equals(authSession.getAuthNote(MOBILE_NOTE));
        SendResult result = sameNumber ? code.sendUnlessLive(mobile, SecurityCodePage.host(session)) : code.sendNew(mobile, SecurityCodePage.host(session));
        logText(context, result, mobile);
        switch (result.outcome()) {
            case SENT, ALREADY_SENT -> {
                authSession.setAuthNote(MOBILE_NOTE, mobile);
                setStep(context, SMS_CONFIRM);
                context.challenge(confirmPage(context).createForm(SecurityCodePage.TEMPLATE));
            }
            case FAILED -> {
                authSession.setAuthNote(MOBILE_NOTE, mobile);
                setStep(context, SMS_CONFIRM);
                context.challenge(context.form().setAttribute("enrolment", true).createForm(SecurityCodePage.SMS_FAILED_TEMPLATE));
            }
            default -> context.challenge(withSendMessage(numberPage(context), result, false).createForm("careaccess-staff-2fa-sms-number.ftl"));
        }
    }

    private void confirmAction(RequiredActionContext context, MultivaluedMap<String, String> form) {
        if (form.containsKey(CHANGE)) {
            setStep(context, SMS_NUMBER);
            requiredActionChallenge(context);
            return;
        }
        String mobile = context.getAuthenticationSession().getAuthNote(MOBILE_NOTE);
        if (form.containsKey(SecurityCodePage.RESEND)) {
            SendResult result = textedCode(context).sendNew(mobile, SecurityCodePage.host(session));
            logText(context, result, mobile);
            if (result.outcome() == TextedSecurityCode.SendOutcome.FAILED) {
                context.challenge(context.form().setAttribute("enrolment", true).createForm(SecurityCodePage.SMS_FAILED_TEMPLATE));
            } else {
                context.challenge(withSendMessage(confirmPage(context), result, true).createForm(SecurityCodePage.TEMPLATE));
            }
            return;
        }
        String typed = form.getFirst(SecurityCodePage.CODE);
        if (typed == null || typed.isBlank()) {
            context.challenge(confirmPage(context).addError(new FormMessage(SecurityCodePage.CODE, "careaccess.staff.code.missing"))
                    .createForm(SecurityCodePage.TEMPLATE));
            return;
        }
        VerifyResult result = textedCode(context).verify(typed);
        Optional<CodeScreen.Refusal> refusal = CodeScreen.STAFF.refusal(result, typed);
        if (refusal.isPresent()) {
            context.challenge(confirmPage(context).addError(new FormMessage(SecurityCodePage.CODE, refusal.get().messageKey()))
                    .createForm(SecurityCodePage.TEMPLATE));
            return;
        }
        UserModel user = context.getUser();
        TwoFactorCredentials.removeAll(user, TwoFactorMethod.SMS);
        user.credentialManager().createStoredCredential(SmsCredentialModel.forNumber(mobile));
        done(context, TwoFactorMethod.SMS);
    }

    private void appCodeEntered(RequiredActionContext context, String typed) {
        RealmModel realm = context.getRealm();
        OTPPolicy policy = realm.getOTPPolicy();
        Optional<String> code = SecurityCodePage.appCode(typed, policy.getDigits());
        if (code.isEmpty()) {
            String key = typed == null || typed.isBlank() ? "careaccess.staff.code.missing" : "careaccess.staff.code.malformed";
            context.challenge(appPage(context).addError(new FormMessage(SecurityCodePage.CODE, key)).createForm("careaccess-staff-2fa-app.ftl"));
            return;
        }
        OTPCredentialModel credential = OTPCredentialModel.createFromPolicy(realm,
                context.getAuthenticationSession().getAuthNote(SECRET_NOTE), "Authenticator app");
        if (!CredentialValidation.validOTP(code.get(), credential, policy.getLookAheadWindow())) {
            context.challenge(appPage(context).addError(new FormMessage(SecurityCodePage.CODE, "careaccess.staff.app.wrong"))
                    .createForm("careaccess-staff-2fa-app.ftl"));
            return;
        }
        UserModel user = context.getUser();
        TwoFactorCredentials.removeAll(user, TwoFactorMethod.APP);
        CredentialHelper.createOTPCredential(session, realm, user, code.get(), credential);
        done(context, TwoFactorMethod.APP);
    }

    private void done(RequiredActionContext context, TwoFactorMethod method) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        // The code just matched: this sign-in has a second factor now.
        TwoFactorProof.secondFactorDone(authSession, method);
        context.getEvent().clone().event(EventType.UPDATE_CREDENTIAL)
                .user(context.getUser())
                .detail(Details.CREDENTIAL_TYPE, method.credentialType())
                .detail(CareAccessEvents.SECOND_FACTOR, method.formValue())
                .success();
        // A first sign-in ends with this action: its LOGIN event says how, as one with a challenge does.
        context.getEvent().detail(CareAccessEvents.FIRST_FACTOR, authSession.getAuthNote(TwoFactorChallenge.FIRST_FACTOR_NOTE))
                .detail(CareAccessEvents.SECOND_FACTOR, method.formValue());
        clearNotes(authSession);
        context.success();
    }

    private void logText(RequiredActionContext context, SendResult result, String mobile) {
        if (result.outcome() == TextedSecurityCode.SendOutcome.FAILED) {
            context.getEvent().clone().event(EventType.UPDATE_CREDENTIAL)
                    .user(context.getUser())
                    .detail(Details.CREDENTIAL_TYPE, SmsCredentialModel.TYPE)
                    .detail(CareAccessEvents.SMS, CodeScreen.STAFF.smsDetail(result))
                    .detail(CareAccessEvents.MASKED_NUMBER, PhoneNumberMask.mask(mobile))
                    .error("careaccess_sms_failed");
        }
    }

    private static LoginFormsProvider withSendMessage(LoginFormsProvider page, SendResult result, boolean askedAgain) {
        CodeScreen.STAFF.afterSend(result, askedAgain).ifPresent(message -> message.addTo(page, null));
        return page;
    }

    /** Adding a method to an account that has one needs a second factor from this sign-in. */
    private boolean needsSecondFactorFirst(RequiredActionContext context) {
        return TwoFactorCredentials.hasAny(context.getUser())
                && !TwoFactorProof.inThisSignIn(session, context.getRealm(), context.getAuthenticationSession());
    }

    private LoginFormsProvider choosePage(RequiredActionContext context) {
        return context.form().setAttribute("enrolled", TwoFactorCredentials.enrolled(context.getUser()).stream()
                .map(TwoFactorMethod::formValue).toList());
    }

    private LoginFormsProvider numberPage(RequiredActionContext context) {
        String typed = context.getHttpRequest().getDecodedFormParameters().getFirst(MOBILE);
        return context.form().setAttribute("mobile", typed != null ? typed : "");
    }

    private LoginFormsProvider confirmPage(RequiredActionContext context) {
        return SecurityCodePage.page(context.form(), "2fa-sms-confirm", TwoFactorMethod.SMS,
                context.getAuthenticationSession().getAuthNote(MOBILE_NOTE), policy(context))
                .setAttribute("enrolment", true);
    }

    private LoginFormsProvider appPage(RequiredActionContext context) {
        RealmModel realm = context.getRealm();
        UserModel user = context.getUser();
        String secret = context.getAuthenticationSession().getAuthNote(SECRET_NOTE);
        String keyUri = realm.getOTPPolicy().getKeyURI(StaffEmails.serviceName(realm), accountName(user), secret);
        return context.form()
                .setAttribute("qrCode", AuthenticatorAppQrCode.dataUri(keyUri))
                .setAttribute("appKey", TotpUtils.encode(secret))
                .setAttribute("accountName", accountName(user))
                .setAttribute("digits", realm.getOTPPolicy().getDigits())
                .setAttribute("period", realm.getOTPPolicy().getPeriod());
    }

    private static String accountName(UserModel user) {
        return user.getEmail() != null ? user.getEmail() : user.getUsername();
    }

    private TextedSecurityCode textedCode(RequiredActionContext context) {
        return SecurityCodePage.textedCode(session, context.getRealm(), context.getUser(), policy(context));
    }

    /** Enrolment texts follow the limits set on the realm's two-factor step. */
    private CodePolicy policy(RequiredActionContext context) {
        return TwoFactorChallengeFactory.policyOf(session, context.getRealm());
    }

    private String step(RequiredActionContext context) {
        String step = context.getAuthenticationSession().getAuthNote(STEP_NOTE);
        return step == null ? CHOOSE : step;
    }

    private static void setStep(RequiredActionContext context, String step) {
        context.getAuthenticationSession().setAuthNote(STEP_NOTE, step);
    }

    private static void clearNotes(AuthenticationSessionModel authSession) {
        authSession.removeAuthNote(STEP_NOTE);
        authSession.removeAuthNote(MOBILE_NOTE);
        authSession.removeAuthNote(SECRET_NOTE);
    }

    @Override
    public void close() {
    }
}
