package org.careaccess.keycloak.sms;

import org.careaccess.keycloak.flow.CareAccessSpi;

/**
 * The {@code careaccess-sms} SPI: how CareAccess texts a security code. Providers {@code log}
 * (development default), {@code sns} and {@code notify}; choose one with
 * {@code --spi-careaccess-sms--provider=<id>}.
 */
public final class SmsSenderSpi extends CareAccessSpi {

    public static final String NAME = "careaccess-sms";

    public SmsSenderSpi() {
        super(NAME, SmsSender.class, SmsSenderFactory.class);
    }
}
