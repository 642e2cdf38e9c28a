package org.careaccess.keycloak.retention;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.jboss.logging.Logger;
import org.keycloak.cluster.ClusterProvider;
import org.keycloak.cluster.ExecutionResult;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.timer.ScheduledTask;

/**
 * What every node's timer runs each interval: purge every realm, on exactly one node per interval.
 *
 * <p>Keycloak's own cluster-aware jobs ({@code ClusterAwareScheduledTaskRunner}, e.g. for expired
 * events) only keep two nodes from running at the same time: {@link ClusterProvider#executeIfNotExecuted}
 * frees its key when the task ends, so a node whose timer fires later in the same interval runs it
 * again. Here the first node to fire in an interval also claims that interval in the cluster-wide
 * single-use store ({@code putIfAbsent} acts at once on every node), and the others skip it. The
 * interval is counted from the epoch ({@code now / interval}), the same on every node.
 * ({@code ClusterAwareScheduledTaskRunner} itself lives in keycloak-model-storage-private, whose
 * 26.7.3 POM cannot be resolved from Maven Central, so its one call is made here.)
 */
final class PurgeTask implements ScheduledTask {

    /** The cluster task key and the single-use store's key prefix: unique to CareAccess. */
    static final String TASK_KEY = "careaccess-retention-purge";

    private static final Logger LOG = Logger.getLogger(PurgeTask.class);

    private final Duration interval;
    private final Clock clock;

    PurgeTask(Duration interval, Clock clock) {
        this.interval = interval;
        this.clock = clock;
    }

    @Override
    public String getTaskName() {
        return TASK_KEY;
    }

    @Override
    public void run(KeycloakSession session) {
        int lockSeconds = (int) Math.max(1, interval.toSeconds());
        ExecutionResult<Void> result = session.getProvider(ClusterProvider.class).executeIfNotExecuted(TASK_KEY, lockSeconds, () -> {
            runOnce(session);
            return null;
        });
        if (!result.isExecuted()) {
            LOG.debugf("careaccess-retention: another node is purging; skipped");
        }
    }

    private void runOnce(KeycloakSession session) {
        long slot = slot(clock.millis(), interval);
        if (!session.singleUseObjects().putIfAbsent(TASK_KEY + ":" + slot, Math.max(2, interval.toSeconds() * 2))) {
            LOG.debugf("careaccess-retention: interval %d already purged by another node; skipped", slot);
            return;
        }
        long began = clock.millis();
        RetentionProvider retention = session.getProvider(RetentionProvider.class);
        List<RealmModel> realms = session.realms().getRealmsStream().toList();
        RetentionProvider.Purged total = RetentionProvider.Purged.NONE;
        int failed = 0;
        for (RealmModel realm : realms) {
            try {
                RetentionProvider.Purged purged = retention.purge(realm);
                total = total.plus(purged);
                if (purged.links() > 0 || purged.patients() > 0) {
                    LOG.infof("careaccess-retention: realm %s: deleted %d ended links and %d patient users (retention %d days)",
                            realm.getName(), purged.links(), purged.patients(), RetentionPeriod.of(realm).toDays());
                }
            } catch (RuntimeException e) {
                // The exception's text may quote SQL parameters (link or user ids): its class only, the rest at debug.
                failed++;
                LOG.errorf("careaccess-retention: realm %s: purge stopped by %s; the rest waits for the next interval",
                        realm.getName(), e.getClass().getName());
                LOG.debug("careaccess-retention: purge failure", e);
            }
        }
        LOG.infof("careaccess-retention: purge of interval %d on this node: %d realms, %d ended links and %d patient users deleted in %d ms%s",
                slot, realms.size(), total.links(), total.patients(), clock.millis() - began,
                failed == 0 ? "" : ", " + failed + " realms failed");
    }

    /** The interval this moment falls in, counted from the epoch: the same number on every node. */
    static long slot(long epochMillis, Duration interval) {
        return Math.floorDiv(epochMillis, interval.toMillis());
    }
}
