package org.careaccess.keycloak.sms;

import org.keycloak.provider.Provider;

/** Sends one text message. Implementations never log the message text. */
public interface SmsSender extends Provider {

    /**
     * Sends the message or throws: a sender either hands the message to its gateway within its
     * configured timeout or fails with a reason the flows can show as "we could not send a text".
     */
    void send(SmsMessage message) throws SmsDeliveryException;

    @Override
    default void close() {
    }
}
