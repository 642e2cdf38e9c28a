package org.careaccess.keycloak.otp;

import java.util.Locale;
import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.careaccess.keycloak.device.TrustedDevices;
import org.careaccess.keycloak.events.CareAccessEvents;
import org.careaccess.keycloak.link.DeviceBinding;
import org.careaccess.keycloak.link.LinkFlow;
import org.careaccess.keycloak.link.PatientLink;
import org.careaccess.keycloak.sms.PhoneNumberMask;
import org.careaccess.keycloak.token.AuthenticationMethods;
import org.careaccess.keycloak.flow.FlowStep;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.authenticators.util.AuthenticatorUtils;
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
final class LinkSecurityCodeForm extends FlowStep {

    static final String STEP = "code";
    static final String PAGE = "careaccess-code.ftl";
    static final String FAILED_PAGE = "careaccess-sms-failed.ftl";
    static final String LIMIT_PAGE = "careaccess-sms-limit.ftl";
    static final String RESEND = "resend";
    static final String FIELD = "code";
    /** The code's purpose in {@link TextedSecurityCode}; its subject is the link id. */
    static final String PURPOSE = "link";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        Optional<PatientLink> link = LinkFlow.currentLinkOrInvalidPage(context, STEP);
        if (link.isEmpty() || refusedWhileLocked(context, link.get())) {
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
        if (link.isEmpty() || refusedWhileLocked(context, link.get())) {
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
        switch (result.outcome()) {
            case ACCEPTED -> {
                new TrustedDevices(context.getSession(), context.getRealm()).bind(link.get(), DeviceBinding.SMS, context.getEvent());
                AuthenticationMethods.add(context, AuthenticationMethods.SMS);
                context.getEvent().detail(CareAccessEvents.DEVICE, DeviceBinding.SMS.value());
                context.success();
            }
            case MALFORMED -> context.challenge(page(context, link.get(), code)
                    .addError(new FormMessage(FIELD, typed == null || typed.isBlank() ? "careaccess.code.missing" : "careaccess.code.format"))
                    .createForm(PAGE));
            case WRONG -> {
                wrongCode(context, link.get(), "code_wrong", result.attemptsLeft());
                context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS, page(context, link.get(), code)
                        .addError(new FormMessage(FIELD, "careaccess.code.wrong")).createForm(PAGE));
            }
            case ATTEMPTS_USED_UP -> {
                wrongCode(context, link.get(), "code_tries_used_up", 0);
                context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS, page(context, link.get(), code)
                        .addError(new FormMessage(FIELD, "careaccess.code.triesUsedUp")).createForm(PAGE));
            }
            case NO_LIVE_CODE -> {
                LinkFlow.error(context, STEP, Errors.EXPIRED_CODE, "code_expired", link.get().id());
                context.challenge(page(context, link.get(), code)
                        .addError(new FormMessage(FIELD, "careaccess.code.expired")).createForm(PAGE));
            }
        }
    }

    /** The page to show after asking for a text: the code page, or why no code is on its way. */
    private static Response afterSend(AuthenticationFlowContext context, PatientLink link, TextedSecurityCode code,
                                      TextedSecurityCode.SendResult sent, boolean asked) {
        LoginFormsProvider page = page(context, link, code);
        return switch (sent.outcome()) {
            case SENT -> (asked ? page.setSuccess("careaccess.code.newCodeSent") : page).createForm(PAGE);
            case ALREADY_SENT -> nothingSentNow(page, code).createForm(PAGE);
            case COOLDOWN -> page.addError(new FormMessage(FIELD, "careaccess.code.wait", sent.retryAfterSeconds())).createForm(PAGE);
            case SUBJECT_LIMIT, NUMBER_LIMIT -> code.isLive()
                    ? page.addError(new FormMessage(FIELD, "careaccess.code.useTheCodeSent")).createForm(PAGE)
                    : context.form().setAttribute("tryAgain", sent.outcome() == TextedSecurityCode.SendOutcome.NUMBER_LIMIT ? "tomorrow" : "hour")
                            .createForm(LIMIT_PAGE);
            case FAILED -> context.form().createForm(FAILED_PAGE);
        };
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
                .setAttribute("codeLifetimeMinutes", Math.max(1, (policy.lifetimeSeconds() + 59) / 60))
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
                .detail(CareAccessEvents.SMS, switch (sent.outcome()) {
                    case SENT, ALREADY_SENT -> "sent";
                    case COOLDOWN -> "cooldown";
                    case SUBJECT_LIMIT -> "limit_link";
                    case NUMBER_LIMIT -> "limit_number";
                    case FAILED -> "failed_" + sent.failure().reason().name().toLowerCase(Locale.ROOT);
                });
        if (sent.outcome() == TextedSecurityCode.SendOutcome.SENT) {
            event.success();
        } else {
            event.error("careaccess_sms_not_sent");
        }
    }

    private static void wrongCode(AuthenticationFlowContext context, PatientLink link, String reason, int attemptsLeft) {
        LinkFlow.errorEvent(context, STEP, reason, link.id())
                .detail(CareAccessEvents.ATTEMPTS_LEFT, Integer.toString(attemptsLeft))
                .error(Errors.INVALID_USER_CREDENTIALS);
    }

    private static boolean refusedWhileLocked(AuthenticationFlowContext context, PatientLink link) {
        String bruteForce = AuthenticatorUtils.getDisabledByBruteForceEventError(context, context.getUser());
        if (bruteForce == null) {
            return false;
        }
        LinkFlow.error(context, STEP, bruteForce, "patient_locked", link.id());
        LinkFlow.showLocked(context, Optional.empty());
        return true;
    }

    private static TextedSecurityCode code(AuthenticationFlowContext context, PatientLink link) {
        return new TextedSecurityCode(context.getSession(), context.getRealm(), PURPOSE, link.id(), CodePolicy.from(context.getAuthenticatorConfig()));
    }

    /** The host the origin-bound last line of the text names: the one this page is served from. */
    private static String host(AuthenticationFlowContext context) {
        return context.getSession().getContext().getUri(UrlType.FRONTEND).getBaseUri().getHost();
    }
}
