package org.careaccess.keycloak.retention;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/**
 * The {@code careaccess-retention} SPI: deleting ended patient links, and the patients they leave
 * unreachable, after each realm's retention period. One provider, {@code default}; its options are
 * {@code --spi-careaccess-retention--default--<option>} (see {@link RetentionOptions}).
 */
public final class RetentionSpi implements Spi {

    public static final String NAME = "careaccess-retention";

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
        return RetentionProvider.class;
    }

    @Override
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return RetentionProviderFactory.class;
    }
}
