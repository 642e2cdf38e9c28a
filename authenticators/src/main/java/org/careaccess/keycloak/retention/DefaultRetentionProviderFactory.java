package org.careaccess.keycloak.retention;

import java.time.Clock;
import java.util.List;

import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.timer.TimerProvider;

/**
 * The {@code default} retention provider: reads {@link RetentionOptions} at start-up and schedules
 * {@link PurgeTask} on this node's Keycloak timer; the task makes sure one node purges per interval.
 */
public final class DefaultRetentionProviderFactory implements RetentionProviderFactory {

    public static final String PROVIDER_ID = "default";

    private static final Logger LOG = Logger.getLogger(DefaultRetentionProviderFactory.class);

    private RetentionOptions options;
    private KeycloakSessionFactory sessionFactory;

    @Override
    public RetentionProvider create(KeycloakSession session) {
        return new EndedLinkPurge(sessionFactory, options.batchSize(), Clock.systemUTC());
    }

    @Override
    public void init(Config.Scope config) {
        options = RetentionOptions.from(config);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        sessionFactory = factory;
        try (KeycloakSession session = factory.create()) {
            TimerProvider timer = session.getProvider(TimerProvider.class);
            timer.scheduleTask(new PurgeTask(options.interval(), Clock.systemUTC()), options.interval().toMillis(), PurgeTask.TASK_KEY);
        }
        LOG.infof("careaccess-retention: ended links purged every %d s, in batches of %d", options.interval().toSeconds(), options.batchSize());
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name(RetentionOptions.INTERVAL).type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue("1h")
                .helpText("How often one node of the cluster deletes ended patient links past each realm's retention period "
                        + "(careaccess.link.retentionDays): seconds, or a duration such as 30m or 1h.")
                .add()
                .property().name(RetentionOptions.BATCH_SIZE).type(ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(RetentionOptions.MAX_BATCH_SIZE)
                .helpText("Links deleted per transaction, 1 to 1000.")
                .add()
                .build();
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
