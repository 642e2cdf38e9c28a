package org.careaccess.keycloak.issuer;

import org.careaccess.keycloak.flow.StatelessProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/** Serves {@code /realms/{realm}/careaccess/...}: the issuer API and the public link endpoint. */
public final class LinkIssuerResourceFactory implements RealmResourceProviderFactory, StatelessProviderFactory<RealmResourceProvider> {

    public static final String PROVIDER_ID = "careaccess";

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new LinkIssuerResource(session);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
