package org.careaccess.keycloak.sms;

import org.keycloak.provider.Provider;

/** Sends one text message. Implementations never log the message text. */
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
     * notification id, SNS's message id), which delivery receipts name; null when the gateway gives none.
     */
    String sendForId(SmsMessage message) throws SmsDeliveryException;

    @Override
    default void close() {
    }
}
