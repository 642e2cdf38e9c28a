package org.careaccess.keycloak.issuer;

import org.careaccess.keycloak.linktext.LinkTextOptions;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/** Serves {@code /realms/{realm}/careaccess/...}: the issuer API and the public link endpoint. */
public final class LinkIssuerResourceFactory implements RealmResourceProviderFactory {

    public static final String PROVIDER_ID = "careaccess";

    private LinkTextOptions textOptions = LinkTextOptions.defaults();

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new LinkIssuerResource(session, textOptions);
    }

    @Override
    public void init(Config.Scope config) {
        textOptions = LinkTextOptions.of(config);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        try (KeycloakSession session = factory.create()) {
            textOptions.scheduleDrain(session);
        }
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
