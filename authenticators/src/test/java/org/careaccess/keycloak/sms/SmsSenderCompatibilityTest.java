package org.careaccess.keycloak.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * A third-party {@code careaccess-sms} provider written against either method of {@link SmsSender} works with
 * every caller: the security-code steps call {@code send}, the link-text drain {@code sendForId}.
 */
class SmsSenderCompatibilityTest {

    private static final SmsMessage TEXT = new SmsMessage("+447700900123", "Riverside Surgery has sent you a link", Map.of());

    /** A provider as written before {@code sendForId} existed: it overrides only {@code send}. */
    private static final class SendOnly implements SmsSender {
        final List<SmsMessage> sent = new ArrayList<>();
        SmsDeliveryException failure;

        @Override
        public void send(SmsMessage message) throws SmsDeliveryException {
            if (failure != null) {
                throw failure;
            }
            sent.add(message);
        }
    }

    /** A provider that reports its gateway's id: it overrides only {@code sendForId}. */
    private static final class SendForIdOnly implements SmsSender {
        final List<SmsMessage> sent = new ArrayList<>();

        @Override
        public String sendForId(SmsMessage message) {
            sent.add(message);
            return "gateway-id-" + sent.size();
        }
    }

    @Test
    void aProviderImplementingOnlySendSendsOnceForEitherCallAndGivesNoId() throws SmsDeliveryException {
        SendOnly provider = new SendOnly();

        assertThat(provider.sendForId(TEXT)).isNull();
        provider.send(TEXT);

        assertThat(provider.sent).containsExactly(TEXT, TEXT);
    }

    @Test
    void aProviderImplementingOnlySendStillFailsWithItsReason() {
        SendOnly provider = new SendOnly();
        provider.failure = new SmsDeliveryException(SmsDeliveryException.Reason.UNAVAILABLE, "gateway down");

        assertThatThrownBy(() -> provider.sendForId(TEXT)).isSameAs(provider.failure);
        assertThat(provider.sent).isEmpty();
    }

    @Test
    void aProviderImplementingOnlySendForIdSendsOnceForEitherCall() throws SmsDeliveryException {
        SendForIdOnly provider = new SendForIdOnly();

        provider.send(TEXT);
        assertThat(provider.sendForId(TEXT)).isEqualTo("gateway-id-2");

        assertThat(provider.sent).containsExactly(TEXT, TEXT);
    }
}
