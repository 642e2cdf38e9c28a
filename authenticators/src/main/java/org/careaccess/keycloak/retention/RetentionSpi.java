package org.careaccess.keycloak.retention;

import org.careaccess.keycloak.flow.CareAccessSpi;

/**
 * The {@code careaccess-retention} SPI: deleting ended patient links, and the patients they leave
 * unreachable, after each realm's retention period. One provider, {@code default}; its options are
 * {@code --spi-careaccess-retention--default--<option>} (see {@link RetentionOptions}).
 */
public final class RetentionSpi extends CareAccessSpi {

    public static final String NAME = "careaccess-retention";

    public RetentionSpi() {
        super(NAME, RetentionProvider.class, RetentionProviderFactory.class);
    }
}
