package org.careaccess.keycloak.phone;

/** A number CareAccess will not text, and why, in words a person can act on. */
public final class PhoneNumberRejectedException extends Exception {

    private static final long serialVersionUID = 1L;

    public enum Reason {
        MISSING("careaccess.phone.missing", "Enter a mobile phone number"),
        NOT_A_NUMBER("careaccess.phone.invalid",
                "Enter a mobile phone number in the correct format, like 07700 900 982"),
        LANDLINE("careaccess.phone.landline",
                "Enter a mobile phone number: this is a landline number, which cannot receive text messages"),
        PREMIUM_RATE("careaccess.phone.premiumRate",
                "Enter a mobile phone number: premium-rate and shared-cost numbers are not accepted"),
        NOT_UK("careaccess.phone.notUk", "Enter a UK mobile phone number"),
        NOT_MOBILE("careaccess.phone.notMobile",
                "Enter a mobile phone number: this number type cannot receive text messages");

        private final String messageKey;
        private final String message;

        Reason(String messageKey, String message) {
            this.messageKey = messageKey;
            this.message = message;
        }

        /** Theme message key for the screens. */
        public String messageKey() {
            return messageKey;
        }

        /** English wording for API answers. */
        public String message() {
            return message;
        }
    }

    private final Reason reason;

    public PhoneNumberRejectedException(Reason reason) {
        super(reason.message());
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
