package org.careaccess.keycloak.link;

import java.util.List;

import org.keycloak.Config;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * CareAccess's own table of patient links in Keycloak's database (dev database, PostgreSQL, ...),
 * created by a Liquibase changelog. A patient's links are deleted with the patient, a realm's
 * with the realm.
 */
public final class PatientLinkStoreFactory implements JpaEntityProviderFactory {

    /**
     * Never rename: Keycloak names the changelog table after the first ten letters
     * ({@code DATABASECHANGELOG_CAREACCESS}) and would apply the changelog again.
     */
    public static final String PROVIDER_ID = "careaccess-patient-links";

    private static final JpaEntityProvider PROVIDER = new JpaEntityProvider() {
        @Override
        public List<Class<?>> getEntities() {
            return List.of(PatientLinkEntity.class, LinkLockEntity.class, LinkTextEntity.class);
        }

        @Override
        public String getChangelogLocation() {
            return "META-INF/careaccess/patient-links-changelog.xml";
        }

        @Override
        public String getFactoryId() {
            return PROVIDER_ID;
        }

        @Override
        public void close() {
        }
    };

    @Override
    public JpaEntityProvider create(KeycloakSession session) {
        return PROVIDER;
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof UserModel.UserRemovedEvent removed) {
                deleteLinks(removed.getKeycloakSession(), "careaccessLinksDeleteByUser", removed.getRealm(), removed.getUser().getId());
            } else if (event instanceof RealmModel.RealmRemovedEvent removed) {
                deleteLinks(removed.getKeycloakSession(), "careaccessLinksDeleteByRealm", removed.getRealm(), null);
            }
        });
    }

    private static void deleteLinks(KeycloakSession session, String query, RealmModel realm, String userId) {
        var delete = session.getProvider(JpaConnectionProvider.class).getEntityManager()
                .createNamedQuery(query)
                .setParameter("realmId", realm.getId());
        if (userId != null) {
            delete.setParameter("userId", userId);
        }
        delete.executeUpdate();
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
