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
        /** The gateway failed (HTTP 5xx), was throttling (HTTP 429) or could not be reached. */
        UNAVAILABLE,
        /** The gateway did not answer within the configured timeout. */
        TIMED_OUT,
        /** The provider is not configured well enough to send anything. */
        MISCONFIGURED
    }

    private final Reason reason;
    private final boolean certainlyNotSent;

    /** A failure whose outcome at the gateway is not known: it may have taken the text. */
    public SmsDeliveryException(Reason reason, String detail) {
        this(reason, detail, null, false);
    }

    /** A failure whose outcome at the gateway is not known: it may have taken the text. */
    public SmsDeliveryException(Reason reason, String detail, Throwable cause) {
        this(reason, detail, cause, false);
    }

    /**
     * @param certainlyNotSent the gateway certainly did not take the text (it refused the connection or answered
     *        with an error), so sending it again cannot make a second text; false when that is not known (a timeout,
     *        a connection lost after the request went)
     */
    public SmsDeliveryException(Reason reason, String detail, Throwable cause, boolean certainlyNotSent) {
        super(reason + ": " + detail, cause);
        this.reason = reason;
        this.certainlyNotSent = certainlyNotSent;
    }

    public Reason reason() {
        return reason;
    }

    /** The gateway certainly did not take the text: a link text may be tried again (README, "Issuing links in bulk"). */
    public boolean certainlyNotSent() {
        return certainlyNotSent;
    }
}
