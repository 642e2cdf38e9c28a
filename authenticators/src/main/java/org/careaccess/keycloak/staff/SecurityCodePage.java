package org.careaccess.keycloak.staff;

import java.util.Locale;
import java.util.Optional;

import org.careaccess.keycloak.otp.CodePolicy;
import org.careaccess.keycloak.otp.TextedSecurityCode;
import org.careaccess.keycloak.otp.TextedSecurityCode.SendResult;
import org.careaccess.keycloak.otp.TextedSecurityCode.VerifyResult;
import org.careaccess.keycloak.sms.PhoneNumberMask;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;

/**
 * The security code pages of staff sign-in and enrolment, and what texting or checking a code
 * ended in, in words. Staff text codes use the shared {@link TextedSecurityCode} with purpose
 * {@value #PURPOSE} and the user's id as subject, so the same limits count whether a code was
 * texted to sign in or to set up a phone.
 */
final class SecurityCodePage {

    static final String PURPOSE = "staff-2fa";
    static final String TEMPLATE = "careaccess-staff-code.ftl";
    static final String SMS_FAILED_TEMPLATE = "careaccess-staff-sms-failed.ftl";
    static final String CODE = "code";
    static final String RESEND = "resend";

    private SecurityCodePage() {
    }

    static TextedSecurityCode textedCode(KeycloakSession session, RealmModel realm, UserModel user, CodePolicy policy) {
        return new TextedSecurityCode(session, realm, PURPOSE, user.getId(), policy);
    }

    /** The host of this server, for the origin-bound last line of the text. */
    static String host(KeycloakSession session) {
        return session.getContext().getUri().getBaseUri().getHost();
    }

    /** A code page: {@code page} is its stable name, e.g. {@code 2fa-sms-code}. */
    static LoginFormsProvider page(LoginFormsProvider form, String page, TwoFactorMethod method, String mobile, CodePolicy policy) {
        return form.setAttribute("careaccessPage", page)
                .setAttribute("method", method.formValue())
                .setAttribute("mobileEnding", mobile == null ? null : PhoneNumberMask.lastTwoDigits(mobile))
                .setAttribute("codeLifetimeMinutes", Math.max(1, policy.lifetimeSeconds() / 60));
    }

    /** Adds what a text request ended in to the page; {@code askedAgain} when the person pressed "Request a new code". */
    static LoginFormsProvider describe(LoginFormsProvider form, SendResult result, boolean askedAgain) {
        return switch (result.outcome()) {
            case SENT -> askedAgain ? form.setInfo("careaccess.staff.code.sent") : form;
            case ALREADY_SENT, FAILED -> form;
            case COOLDOWN -> form.addError(new FormMessage(null, "careaccess.staff.code.cooldown", result.retryAfterSeconds()));
            case SUBJECT_LIMIT, NUMBER_LIMIT -> form.addError(new FormMessage(null, "careaccess.staff.code.tooManyTexts"));
        };
    }

    /** The {@code careaccess_sms} event detail for a text request. */
    static String eventDetail(SendResult result) {
        return switch (result.outcome()) {
            case SENT -> "sent";
            case ALREADY_SENT -> "already_sent";
            case COOLDOWN -> "cooldown";
            case SUBJECT_LIMIT, NUMBER_LIMIT -> "limit";
            case FAILED -> "failed_" + result.failure().reason().name().toLowerCase(Locale.ROOT);
        };
    }

    /** The error a checked code shows; empty when it was accepted. */
    static Optional<String> error(VerifyResult result) {
        return switch (result.outcome()) {
            case ACCEPTED -> Optional.empty();
            case WRONG -> Optional.of("careaccess.staff.code.wrong");
            case ATTEMPTS_USED_UP -> Optional.of("careaccess.staff.code.attemptsUsedUp");
            case NO_LIVE_CODE -> Optional.of("careaccess.staff.code.expired");
            case MALFORMED -> Optional.of("careaccess.staff.code.malformed");
        };
    }

    /** An authenticator-app code as typed (spaces and dashes allowed), or empty unless it is all digits of the right length. */
    static Optional<String> appCode(String typed, int digits) {
        if (typed == null || typed.length() > 32) {
            return Optional.empty();
        }
        String code = typed.replaceAll("[\\s-]", "");
        return code.length() == digits && code.chars().allMatch(c -> c >= '0' && c <= '9') ? Optional.of(code) : Optional.empty();
    }
}
