package org.careaccess.keycloak.sms;

/**
 * A text could not be handed to the gateway. The message never contains the text itself, so it
 * is safe to log; the flows show "We could not send a text message just now" for every reason.
 */
public final class SmsDeliveryException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why the text was not sent. */
    public enum Reason {
        /** The gateway refused the request (HTTP 4xx): bad credentials, number or template. */
        REJECTED,
        /** The gateway failed (HTTP 5xx) or could not be reached. */
        UNAVAILABLE,
        /** The gateway did not answer within the configured timeout. */
        TIMED_OUT,
        /** The provider is not configured well enough to send anything. */
        MISCONFIGURED
    }

    private final Reason reason;

    public SmsDeliveryException(Reason reason, String detail) {
        super(reason + ": " + detail);
        this.reason = reason;
    }

    public SmsDeliveryException(Reason reason, String detail, Throwable cause) {
        super(reason + ": " + detail, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
