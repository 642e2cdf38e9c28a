package org.careaccess.keycloak.sms;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;

import org.jboss.logging.Logger;

final class NotifySmsSender implements SmsSender {

    private static final Logger LOG = Logger.getLogger(NotifySmsSender.class);

    private final NotifyClient client;
    private final String templateId;
    private final String welshTemplateId;
    private final String problem;

    /**
     * @param welshTemplateId the template for texts in Welsh; null sends them with the English
     *        template (whose {@code ((message))} is still the Welsh text)
     */
    NotifySmsSender(NotifyClient client, String templateId, String welshTemplateId, String problem) {
        this.client = client;
        this.templateId = templateId;
        this.welshTemplateId = welshTemplateId;
        this.problem = problem;
    }

    @Override
    public String sendForId(SmsMessage message) throws SmsDeliveryException {
        if (client == null) {
            throw failure(message, SmsDeliveryException.Reason.MISCONFIGURED, "notify provider not configured: " + problem, null, true);
        }
        try {
            String template = message.isWelsh() && welshTemplateId != null ? welshTemplateId : templateId;
            String notificationId = client.sendSms(template, message.to(), message.personalisation());
            LOG.debugf("careaccess-sms notify: sent to %s, notification id %s", message.maskedTo(), notificationId);
            return notificationId;
        } catch (NotifyClient.Failure e) {
            throw classify(message, e);
        } catch (RuntimeException e) {
            // A garbled answer is a gateway failure, never a crash of the sign-in.
            throw failure(message, SmsDeliveryException.Reason.UNAVAILABLE, "unreadable answer from Notify: " + e.getClass().getSimpleName(), e,
                    false);
        }
    }

    private static SmsDeliveryException classify(SmsMessage message, NotifyClient.Failure e) {
        int status = e.httpStatus();
        if (status >= 400) {
            // Notify answered with an error: it did not take the text.
            return failure(message, SmsSenderConfig.reasonOfHttpStatus(status), "Notify answered HTTP " + status, e, true);
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException || t instanceof HttpTimeoutException) {
                return failure(message, SmsDeliveryException.Reason.TIMED_OUT, "Notify did not answer in time", e, false);
            }
            if (t instanceof ConnectException) {
                // Refused or unreachable: no request reached Notify (the JDK throws HttpConnectTimeoutException, a
                // timeout above, when connecting takes too long).
                return failure(message, SmsDeliveryException.Reason.UNAVAILABLE, "Notify could not be reached", e, true);
            }
        }
        // A connection lost after the request went, an unreadable answer to it: Notify may have taken the text.
        return failure(message, SmsDeliveryException.Reason.UNAVAILABLE, "Notify call failed", e, false);
    }

    private static SmsDeliveryException failure(SmsMessage message, SmsDeliveryException.Reason reason, String detail, Exception cause,
                                                boolean certainlyNotSent) {
        return SmsSenderConfig.failure(LOG, "notify", message, reason, detail, cause, certainlyNotSent);
    }
}
