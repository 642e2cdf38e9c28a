package org.careaccess.keycloak.metrics;

import java.util.ArrayList;
import java.util.List;

import org.careaccess.keycloak.flow.StatelessProviderFactory;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;

/**
 * Turns CareAccess's events into counters on {@code /metrics}. Global, like Keycloak's own
 * {@code micrometer-user-event-metrics} listener: Keycloak hands it every realm's events without an
 * administrator adding it to each realm's event listeners, and whether events are stored or not.
 */
public final class MetricsEventListenerProviderFactory implements EventListenerProviderFactory, StatelessProviderFactory<EventListenerProvider> {

    public static final String PROVIDER_ID = "careaccess-metrics";

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new Listener(session);
    }

    @Override
    public boolean isGlobal() {
        return true;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    /**
     * Counts when the request's transaction commits, as Keycloak's metrics listener does: work
     * rolled back is not counted. What an event counts is worked out at once, while the request's
     * realm is still at hand.
     */
    private static final class Listener extends AbstractKeycloakTransaction implements EventListenerProvider {

        private final KeycloakSession session;
        private final List<EventMetrics.Count> pending = new ArrayList<>();

        Listener(KeycloakSession session) {
            this.session = session;
            session.getTransactionManager().enlistAfterCompletion(this);
        }

        @Override
        public void onEvent(Event event) {
            pending.addAll(EventMetrics.of(event, this::identityProviderType));
        }

        @Override
        public void onEvent(AdminEvent event, boolean includeRepresentation) {
            pending.addAll(EventMetrics.of(event));
        }

        private String identityProviderType(String alias) {
            if (session.getContext().getRealm() == null) {
                return null;
            }
            IdentityProviderModel provider = session.identityProviders().getByAlias(alias);
            return provider == null ? null : provider.getProviderId();
        }

        @Override
        protected void commitImpl() {
            if (!pending.isEmpty()) {
                CareAccessMeters meters = CareAccessMeters.keycloak();
                pending.forEach(count -> count.accept(meters));
                pending.clear();
            }
        }

        @Override
        protected void rollbackImpl() {
            pending.clear();
        }

        @Override
        public void close() {
        }
    }
}
