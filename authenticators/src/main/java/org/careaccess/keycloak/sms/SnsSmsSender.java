package org.careaccess.keycloak.sms;

import java.net.ConnectException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.jboss.logging.Logger;

import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import software.amazon.awssdk.services.sns.model.SnsException;

final class SnsSmsSender implements SmsSender {

    private static final Logger LOG = Logger.getLogger(SnsSmsSender.class);

    private final SnsClient client;
    private final String senderId;
    private final String originationNumber;
    private final Duration timeout;

    SnsSmsSender(SnsClient client, String senderId, String originationNumber, Duration timeout) {
        this.client = client;
        this.senderId = senderId;
        this.originationNumber = originationNumber;
        this.timeout = timeout;
    }

    @Override
    public String sendForId(SmsMessage message) throws SmsDeliveryException {
        try {
            var response = client.publish(PublishRequest.builder()
                    .phoneNumber(message.to())
                    .message(message.text())
                    .messageAttributes(attributes())
                    .build());
            LOG.debugf("careaccess-sms sns: sent to %s, message id %s", message.maskedTo(), response.messageId());
            return response.messageId();
        } catch (SnsException e) {
            int status = e.statusCode();
            var reason = status >= 400 && status < 500 ? SmsDeliveryException.Reason.REJECTED : SmsDeliveryException.Reason.UNAVAILABLE;
            throw failure(message, reason, "SNS answered HTTP " + status + " (" + e.awsErrorDetails().errorCode() + ")", e);
        } catch (ApiCallTimeoutException | ApiCallAttemptTimeoutException | AbortedException e) {
            throw failure(message, SmsDeliveryException.Reason.TIMED_OUT, "SNS did not answer within " + timeout.toMillis() + " ms", e);
        } catch (SdkClientException e) {
            throw failure(message, classify(e), "SNS could not be called: " + e.getClass().getSimpleName(), e);
        } catch (SdkException e) {
            throw failure(message, SmsDeliveryException.Reason.UNAVAILABLE, "SNS call failed: " + e.getClass().getSimpleName(), e);
        }
    }

    private static SmsDeliveryException.Reason classify(SdkClientException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.SocketTimeoutException || t instanceof java.net.http.HttpTimeoutException) {
                return SmsDeliveryException.Reason.TIMED_OUT;
            }
            if (t instanceof ConnectException || t instanceof java.net.UnknownHostException) {
                return SmsDeliveryException.Reason.UNAVAILABLE;
            }
        }
        // Missing credentials or region end up here too.
        String text = String.valueOf(e.getMessage());
        return text.contains("credentials") || text.contains("region")
                ? SmsDeliveryException.Reason.MISCONFIGURED
                : SmsDeliveryException.Reason.UNAVAILABLE;
    }

    private static SmsDeliveryException failure(SmsMessage message, SmsDeliveryException.Reason reason, String detail, Exception cause) {
        return SmsSenderConfig.failure(LOG, "sns", message, reason, detail, cause);
    }

    private Map<String, MessageAttributeValue> attributes() {
        Map<String, MessageAttributeValue> attributes = new HashMap<>();
        attributes.put("AWS.SNS.SMS.SMSType", string("Transactional"));
        if (senderId != null) {
            attributes.put("AWS.SNS.SMS.SenderID", string(senderId));
        }
        if (originationNumber != null) {
            attributes.put("AWS.MM.SMS.OriginationNumber", string(originationNumber));
        }
        return attributes;
    }

    private static MessageAttributeValue string(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }
}
