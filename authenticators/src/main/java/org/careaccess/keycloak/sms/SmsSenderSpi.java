package org.careaccess.keycloak.sms;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/**
 * The {@code careaccess-sms} SPI: how CareAccess texts a security code. Providers {@code log}
 * (development default), {@code sns} and {@code notify}; choose one with
 * {@code --spi-careaccess-sms--provider=<id>}.
 */
public final class SmsSenderSpi implements Spi {

    public static final String NAME = "careaccess-sms";

    @Override
    public boolean isInternal() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public Class<? extends Provider> getProviderClass() {
        return SmsSender.class;
    }

    @Override
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return SmsSenderFactory.class;
    }
}
