package org.careaccess.keycloak.staff.links;

import org.careaccess.keycloak.flow.StatelessProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/** {@code /realms/{realm}/careaccess-signin/link/{code}}: where an emailed sign-in link leads. */
public final class SignInLinkResourceFactory implements RealmResourceProviderFactory, StatelessProviderFactory<RealmResourceProvider> {

    public static final String PROVIDER_ID = "careaccess-signin";

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new SignInLinkResource(session);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
