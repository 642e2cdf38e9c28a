package org.careaccess.keycloak.patient.code;

import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.careaccess.keycloak.events.CareAccessEvents;
import org.careaccess.keycloak.flow.FlowStep;
import org.careaccess.keycloak.flow.Lockout;
import org.careaccess.keycloak.link.DeviceBinding;
import org.careaccess.keycloak.link.PatientLink;
import org.careaccess.keycloak.otp.CodePolicy;
import org.careaccess.keycloak.otp.CodeScreen;
import org.careaccess.keycloak.otp.TextedSecurityCode;
import org.careaccess.keycloak.patient.AuthenticationMethods;
import org.careaccess.keycloak.patient.LinkFlow;
import org.careaccess.keycloak.patient.device.TrustedDevices;
import org.careaccess.keycloak.sms.PhoneNumberMask;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.urls.UrlType;

/**
 * Step 4 (the ALTERNATIVE to a trusted device): "Check your phone". Texts a code to the number the
 * link was sent to, once: showing the page again never texts again. "Request a new code" is a
 * POST with {@code resend}. The right code makes this browser the link's trusted device. Codes,
 * tries, cooldown and text limits are {@link TextedSecurityCode}'s, with this step's settings.
 */
final class LinkSecurityCodeForm implements FlowStep {

    static final String STEP = "code";
    static final String PAGE = "careaccess-code.ftl";
    static final String FAILED_PAGE = "careaccess-sms-failed.ftl";
    static final String LIMIT_PAGE = "careaccess-sms-limit.ftl";
    static final String RESEND = "resend";
    static final String FIELD = "code";
    /** The code's purpose in {@link TextedSecurityCode}; its subject is the link id. */
    static final String PURPOSE = TextedSecurityCode.LINK_PURPOSE;

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        Optional<PatientLink> link = LinkFlow.currentLinkOrInvalidPage(context, STEP);
        if (link.isEmpty() || Lockout.refuses(context, LinkFlow.refusePatientLocked(context, STEP, link.get().id()))) {
            return;
        }
        TextedSecurityCode code = code(context, link.get());
        TextedSecurityCode.SendResult sent = code.sendUnlessLive(link.get().mobile(), host(context));
        recordSend(context, link.get(), sent);
        context.challenge(afterSend(context, link.get(), code, sent, false));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        Optional<PatientLink> link = LinkFlow.currentLinkOrInvalidPage(context, STEP);
        if (link.isEmpty() || Lockout.refuses(context, LinkFlow.refusePatientLocked(context, STEP, link.get().id()))) {
            return;
        }
        TextedSecurityCode code = code(context, link.get());
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        if (form.containsKey(RESEND)) {
            TextedSecurityCode.SendResult sent = code.sendNew(link.get().mobile(), host(context));
            recordSend(context, link.get(), sent);
            context.challenge(afterSend(context, link.get(), code, sent, true));
            return;
        }
        String typed = form.getFirst(FIELD);
        TextedSecurityCode.VerifyResult result = code.verify(typed);
        Optional<CodeScreen.Refusal> refusal = CodeScreen.PATIENT.refusal(result, typed);
        if (refusal.isEmpty()) {
            new TrustedDevices(context.getSession(), context.getRealm()).bind(link.get(), DeviceBinding.SMS, context.getEvent());
            AuthenticationMethods.add(context, AuthenticationMethods.SMS);
            context.getEvent().detail(CareAccessEvents.DEVICE, DeviceBinding.SMS.value());
            context.success();
            return;
        }
        Response page = page(context, link.get(), code).addError(new FormMessage(FIELD, refusal.get().messageKey())).createForm(PAGE);
        if (refusal.get().counts()) {
            LinkFlow.errorEvent(context, STEP, refusal.get().reason(), link.get().id())
                    .detail(CareAccessEvents.ATTEMPTS_LEFT, Integer.toString(result.attemptsLeft()))
                    .error(Errors.INVALID_USER_CREDENTIALS);
            context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS, page);
        } else {
            if (result.outcome() == TextedSecurityCode.VerifyOutcome.NO_LIVE_CODE) {
                LinkFlow.error(context, STEP, Errors.EXPIRED_CODE, refusal.get().reason(), link.get().id());
            }
            context.challenge(page);
        }
    }

    /** The page to show after asking for a text: the code page, or why no code is on its way. */
    private static Response afterSend(AuthenticationFlowContext context, PatientLink link, TextedSecurityCode code,
                                      TextedSecurityCode.SendResult sent, boolean asked) {
        boolean limited = sent.outcome() == TextedSecurityCode.SendOutcome.SUBJECT_LIMIT || sent.outcome() == TextedSecurityCode.SendOutcome.NUMBER_LIMIT;
        if (sent.outcome() == TextedSecurityCode.SendOutcome.FAILED) {
            return context.form().createForm(FAILED_PAGE);
        }
        if (limited && !code.isLive()) {
            // Nothing to type in: the page says when texts can be sent again.
            return context.form().setAttribute("tryAgain", sent.outcome() == TextedSecurityCode.SendOutcome.NUMBER_LIMIT ? "tomorrow" : "hour")
                    .createForm(LIMIT_PAGE);
        }
        LoginFormsProvider page = page(context, link, code);
        if (sent.outcome() == TextedSecurityCode.SendOutcome.ALREADY_SENT) {
            nothingSentNow(page, code);
        }
        CodeScreen.PATIENT.afterSend(sent, asked).ifPresent(message -> message.addTo(page, FIELD));
        return page.createForm(PAGE);
    }

    /**
     * A live code was texted earlier (a reload, a second tab, a second device): the page says when,
     * that it still works and when a new one can be asked for, never that a code was just sent.
     */
    private static LoginFormsProvider nothingSentNow(LoginFormsProvider page, TextedSecurityCode code) {
        code.secondsSinceSent().ifPresent(seconds -> page.setAttribute("sentMinutesAgo", seconds / 60));
        return page.setAttribute("resendInSeconds", code.secondsUntilResendAllowed());
    }

    private static LoginFormsProvider page(AuthenticationFlowContext context, PatientLink link, TextedSecurityCode code) {
        CodePolicy policy = CodePolicy.from(context.getAuthenticatorConfig());
        return context.form()
                .setAttribute("mobileEnding", PhoneNumberMask.lastTwoDigits(link.mobile()))
                .setAttribute("codeLifetimeMinutes", CodeScreen.lifetimeMinutes(policy))
                .setAttribute("codeLive", code.isLive());
    }

    /** A text sent or not: CUSTOM_REQUIRED_ACTION(_ERROR) with the outcome and the masked number. */
    private static void recordSend(AuthenticationFlowContext context, PatientLink link, TextedSecurityCode.SendResult sent) {
        if (sent.outcome() == TextedSecurityCode.SendOutcome.ALREADY_SENT) {
            return;
        }
        EventBuilder event = context.getEvent().clone()
                .event(sent.outcome() == TextedSecurityCode.SendOutcome.SENT ? EventType.CUSTOM_REQUIRED_ACTION : EventType.CUSTOM_REQUIRED_ACTION_ERROR)
                .user(context.getUser())
                .detail(CareAccessEvents.STEP, STEP)
                .detail(CareAccessEvents.LINK_ID, link.id())
                .detail(CareAccessEvents.MASKED_NUMBER, PhoneNumberMask.mask(link.mobile()))
                .detail(CareAccessEvents.SMS, CodeScreen.PATIENT.smsDetail(sent));
        if (sent.outcome() == TextedSecurityCode.SendOutcome.SENT) {
            event.success();
        } else {
            event.error("careaccess_sms_not_sent");
        }
    }

    private static TextedSecurityCode code(AuthenticationFlowContext context, PatientLink link) {
        return new TextedSecurityCode(context.getSession(), context.getRealm(), PURPOSE, link.id(), CodePolicy.from(context.getAuthenticatorConfig()));
    }

    /** The host the origin-bound last line of the text names: the one this page is served from. */
    private static String host(AuthenticationFlowContext context) {
        return context.getSession().getContext().getUri(UrlType.FRONTEND).getBaseUri().getHost();
    }
}
