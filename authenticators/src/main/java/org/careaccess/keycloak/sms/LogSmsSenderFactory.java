package org.careaccess.keycloak.sms;

import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * {@code log}: writes each text to the server log instead of sending it. The default, so a fresh
 * install and the demo work without a gateway; it says loudly at start-up that it is for development.
 */
public final class LogSmsSenderFactory implements SmsSenderFactory {

    public static final String PROVIDER_ID = "log";

    private static final Logger LOG = Logger.getLogger(LogSmsSenderFactory.class);

    @Override
    public SmsSender create(KeycloakSession session) {
        return new SmsSender() {
            @Override
            public void send(SmsMessage message) {
                LOG.infof("careaccess-sms to=%s text=\"%s\"", message.to(), message.text().replace("\n", "\\n"));
            }
        };
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        if (factory.getProviderFactory(SmsSender.class) == this) {
            LOG.warn("careaccess-sms is using the 'log' provider: security codes are written to this log and no "
                    + "text message is sent. This is for development only; configure "
                    + "--spi-careaccess-sms--provider=sns or notify in production.");
        }
    }

    /** Preferred over {@code sns} and {@code notify} unless another provider is configured. */
    @Override
    public int order() {
        return 1;
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
