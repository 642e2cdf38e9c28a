package org.careaccess.keycloak.staff.twofactor;

import java.util.Optional;

import org.careaccess.keycloak.otp.CodePolicy;
import org.careaccess.keycloak.otp.CodeScreen;
import org.careaccess.keycloak.otp.TextedSecurityCode;
import org.careaccess.keycloak.sms.PhoneNumberMask;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * The security code pages of staff sign-in and enrolment; what texting or checking a code ended
 * in is {@link CodeScreen#STAFF}'s to say. Staff text codes use the shared {@link TextedSecurityCode} with purpose
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
                .setAttribute("codeLifetimeMinutes", CodeScreen.lifetimeMinutes(policy));
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
