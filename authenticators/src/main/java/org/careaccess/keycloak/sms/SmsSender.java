package org.careaccess.keycloak.sms;

import org.keycloak.provider.Provider;

/**
 * Sends one text message. Implementations never log the message text.
 *
 * <p>An implementation overrides {@link #send} or {@link #sendForId} (or both): each defaults to the other, so a
 * provider written before {@code sendForId} existed (only {@code send}) still compiles and works, its texts
 * with no gateway id (no delivery receipts). One that overrides neither would call itself until the stack ends.
 */
public interface SmsSender extends Provider {

    /**
     * Sends the message or throws: a sender either hands the message to its gateway within its
     * configured timeout or fails with a reason the flows can show as "we could not send a text".
     */
    default void send(SmsMessage message) throws SmsDeliveryException {
        sendForId(message);
    }

    /**
     * Sends the message as {@link #send} does and returns the gateway's id for it (Notify's
     * notification id, SNS's message id), which delivery receipts name; null when the gateway gives none,
     * as the default (which calls {@link #send}) does.
     */
    default String sendForId(SmsMessage message) throws SmsDeliveryException {
        send(message);
        return null;
    }

    @Override
    default void close() {
    }
}
