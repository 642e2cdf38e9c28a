package org.careaccess.keycloak.staff.support;

import org.careaccess.keycloak.flow.StatelessProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** {@code /admin/realms/{realm}/careaccess}: CareAccess's admin API (the support-desk 2FA reset). */
public final class SupportResetResourceFactory implements AdminRealmResourceProviderFactory, AdminRealmResourceProvider, StatelessProviderFactory<AdminRealmResourceProvider> {

    public static final String PROVIDER_ID = "careaccess";

    @Override
    public AdminRealmResourceProvider create(KeycloakSession session) {
        return this;
    }

    @Override
    public Object getResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        return new SupportResetResource(session, realm, auth, adminEvent);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    /** Both the factory's and the provider's close: nothing to release. */
    @Override
    public void close() {
    }
}
