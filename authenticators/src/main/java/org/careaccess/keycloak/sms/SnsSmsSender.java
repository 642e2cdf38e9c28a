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
            // SNS answered with an error (throttling included): it did not take the text.
            int status = e.statusCode();
            throw failure(message, SmsSenderConfig.reasonOfHttpStatus(status), "SNS answered HTTP " + status + " (" + e.awsErrorDetails().errorCode() + ")",
                    e, true);
        } catch (ApiCallTimeoutException | ApiCallAttemptTimeoutException | AbortedException e) {
            throw failure(message, SmsDeliveryException.Reason.TIMED_OUT, "SNS did not answer within " + timeout.toMillis() + " ms", e, false);
        } catch (SdkClientException e) {
            throw classify(message, e);
        } catch (SdkException e) {
            throw failure(message, SmsDeliveryException.Reason.UNAVAILABLE, "SNS call failed: " + e.getClass().getSimpleName(), e, false);
        }
    }

    private static SmsDeliveryException classify(SmsMessage message, SdkClientException e) {
        String detail = "SNS could not be called: " + e.getClass().getSimpleName();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.SocketTimeoutException || t instanceof java.net.http.HttpTimeoutException) {
                return failure(message, SmsDeliveryException.Reason.TIMED_OUT, detail, e, false);
            }
            if (t instanceof ConnectException || t instanceof java.net.UnknownHostException) {
                // Refused, or no address for the endpoint: no request reached SNS.
                return failure(message, SmsDeliveryException.Reason.UNAVAILABLE, detail, e, true);
            }
        }
        // Missing credentials or region end up here too, before any request is made.
        String text = String.valueOf(e.getMessage());
        if (text.contains("credentials") || text.contains("region")) {
            return failure(message, SmsDeliveryException.Reason.MISCONFIGURED, detail, e, true);
        }
        // e.g. the connection lost after the request went: SNS may have taken the text.
        return failure(message, SmsDeliveryException.Reason.UNAVAILABLE, detail, e, false);
    }

    private static SmsDeliveryException failure(SmsMessage message, SmsDeliveryException.Reason reason, String detail, Exception cause,
                                                boolean certainlyNotSent) {
        return SmsSenderConfig.failure(LOG, "sns", message, reason, detail, cause, certainlyNotSent);
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
