package org.careaccess.keycloak.metrics;

import java.time.Duration;
import java.util.Locale;

import org.careaccess.keycloak.sms.SmsDeliveryException;
import org.careaccess.keycloak.sms.SmsMessage;
import org.careaccess.keycloak.sms.SmsSender;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderFactory;

/**
 * The realm's {@code careaccess-sms} provider, timed: every send, whichever provider makes it,
 * counts as sent or failed (with its reason) and records how long the gateway took.
 */
public final class MeteredSmsSender implements SmsSender {

    private static final Logger LOG = Logger.getLogger(MeteredSmsSender.class);

    private final SmsSender sender;
    private final String provider;
    private final CareAccessMeters meters;

    private MeteredSmsSender(SmsSender sender, String provider, CareAccessMeters meters) {
        this.sender = sender;
        this.provider = provider;
        this.meters = meters;
    }

    /** The enabled provider, or a failure (counted) when none is. */
    public static SmsSender of(KeycloakSession session) throws SmsDeliveryException {
        CareAccessMeters meters = CareAccessMeters.keycloak();
        SmsSender sender = session.getProvider(SmsSender.class);
        if (sender == null) {
            LOG.error("careaccess-sms: no SMS provider is enabled");
            meters.smsSend("none", reason(SmsDeliveryException.Reason.MISCONFIGURED), Duration.ZERO);
            throw new SmsDeliveryException(SmsDeliveryException.Reason.MISCONFIGURED, "no careaccess-sms provider");
        }
        // The factory of the session's default provider: the one getProvider(SmsSender.class) created.
        KeycloakSessionFactory factories = session.getKeycloakSessionFactory();
        ProviderFactory<SmsSender> factory = factories == null ? null : factories.getProviderFactory(SmsSender.class);
        return new MeteredSmsSender(sender, factory == null ? null : factory.getId(), meters);
    }

    @Override
    public String sendForId(SmsMessage message) throws SmsDeliveryException {
        long started = System.nanoTime();
        try {
            String id = sender.sendForId(message);
            meters.smsSend(provider, null, Duration.ofNanos(System.nanoTime() - started));
            return id;
        } catch (SmsDeliveryException e) {
            meters.smsSend(provider, reason(e.reason()), Duration.ofNanos(System.nanoTime() - started));
            throw e;
        }
    }

    private static String reason(SmsDeliveryException.Reason reason) {
        return reason.name().toLowerCase(Locale.ROOT);
    }
}
