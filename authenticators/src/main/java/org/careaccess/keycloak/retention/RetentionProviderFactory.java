package org.careaccess.keycloak.retention;

import org.keycloak.provider.ProviderFactory;

public interface RetentionProviderFactory extends ProviderFactory<RetentionProvider> {
}
