package org.careaccess.keycloak.staff.twofactor;

import java.util.Arrays;
import java.util.Optional;

import org.keycloak.models.credential.OTPCredentialModel;

/** The two ways a staff member proves the second factor, as the form field {@code method} names them. */
enum TwoFactorMethod {

    /** A code texted to the mobile number in the {@code careaccess-sms} credential. */
    SMS("sms", SmsCredentialModel.TYPE),
    /** A code from an authenticator app: Keycloak's own OTP credential. */
    APP("app", OTPCredentialModel.TYPE);

    private final String formValue;
    private final String credentialType;

    TwoFactorMethod(String formValue, String credentialType) {
        this.formValue = formValue;
        this.credentialType = credentialType;
    }

    /** The value of the {@code method} field and of event details: {@code sms} or {@code app}. */
    String formValue() {
        return formValue;
    }

    String credentialType() {
        return credentialType;
    }

    static Optional<TwoFactorMethod> fromForm(String value) {
        return Arrays.stream(values()).filter(m -> m.formValue.equals(value)).findFirst();
    }

    static Optional<TwoFactorMethod> ofCredentialType(String type) {
        return Arrays.stream(values()).filter(m -> m.credentialType.equals(type)).findFirst();
    }
}
