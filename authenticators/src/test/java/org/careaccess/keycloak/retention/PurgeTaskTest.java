package org.careaccess.keycloak.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.careaccess.keycloak.otp.InMemorySingleUseObjects;
import org.careaccess.keycloak.sms.LogCapture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.cluster.ClusterProvider;
import org.keycloak.cluster.ExecutionResult;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RealmProvider;

class PurgeTaskTest {

    private static final Duration INTERVAL = Duration.ofMinutes(10);

    /** The cluster-wide store both nodes share, on a test clock. */
    private final InMemorySingleUseObjects store = new InMemorySingleUseObjects();
    private final RetentionProvider retention = mock(RetentionProvider.class);
    private final RealmModel patients = realm("patients");
    private final RealmModel other = realm("other");
    private boolean anotherNodeIsPurging;

    @BeforeEach
    void eachRealmHasEndedLinks() {
        when(retention.purge(patients)).thenReturn(new RetentionProvider.Purged(1200, 7));
        when(retention.purge(other)).thenReturn(RetentionProvider.Purged.NONE);
        store.advanceSeconds(INTERVAL.toSeconds() * 1000 + 1);
    }

    @Test
    void twoNodesFiringInOneIntervalPurgeOnceBetweenThem() {
        node().run(session());
        store.advanceSeconds(INTERVAL.toSeconds() - 2);
        node().run(session());

        verify(retention, times(1)).purge(patients);
        verify(retention, times(1)).purge(other);
    }

    @Test
    void theNextIntervalIsPurgedAgain() {
        node().run(session());
        store.advanceSeconds(INTERVAL.toSeconds());
        node().run(session());

        verify(retention, times(2)).purge(patients);
    }

    @Test
    void whileAnotherNodeIsPurgingThisOneDoesNot() {
        anotherNodeIsPurging = true;

        node().run(session());

        verify(retention, never()).purge(any());
    }

    @Test
    void logsCountsPerRealmAndPerRun() {
        try (LogCapture logs = new LogCapture()) {
            node().run(session());

            assertThat(logs.lines()).anyMatch(line -> line.contains("realm patients: deleted 1200 ended links and 7 patient users (retention 30 days)"));
            assertThat(logs.lines()).noneMatch(line -> line.contains("realm other: deleted"));
            assertThat(logs.lines()).anyMatch(line -> line.matches(
                    "careaccess-retention: purge of interval \\d+ on this node: 2 realms, 1200 ended links and 7 patient users deleted in \\d+ ms"));
        }
    }

    @Test
    void aRealmThatFailsDoesNotStopTheOthersAndItsErrorQuotesNoData() {
        when(retention.purge(patients)).thenThrow(new IllegalStateException("delete failed for link 3f2a9c10-aaaa and user 77b1"));

        try (LogCapture logs = new LogCapture()) {
            node().run(session());

            verify(retention).purge(other);
            assertThat(logs.lines()).anyMatch(line -> line.contains("realm patients: purge stopped by java.lang.IllegalStateException"));
            assertThat(logs.lines()).anyMatch(line -> line.endsWith(", 1 realms failed"));
            assertThat(logs.lines()).filteredOn(line -> !line.contains("purge failure")).noneMatch(line -> line.contains("3f2a9c10"));
        }
    }

    @Test
    void everyNodeCountsIntervalsFromTheEpoch() {
        assertThat(PurgeTask.slot(0, INTERVAL)).isZero();
        assertThat(PurgeTask.slot(INTERVAL.toMillis() - 1, INTERVAL)).isZero();
        assertThat(PurgeTask.slot(INTERVAL.toMillis(), INTERVAL)).isEqualTo(1);
    }

    private PurgeTask node() {
        return new PurgeTask(INTERVAL, store.clock());
    }

    @SuppressWarnings("unchecked")
    private KeycloakSession session() {
        KeycloakSession session = mock(KeycloakSession.class);
        ClusterProvider cluster = mock(ClusterProvider.class);
        try {
            when(cluster.executeIfNotExecuted(anyString(), anyInt(), any(Callable.class))).thenAnswer(call -> {
                if (anotherNodeIsPurging) {
                    return ExecutionResult.notExecuted();
                }
                return ExecutionResult.executed(((Callable<Object>) call.getArgument(2)).call());
            });
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        RealmProvider realms = mock(RealmProvider.class);
        when(realms.getRealmsStream()).thenAnswer(call -> Stream.of(patients, other));
        when(session.getProvider(ClusterProvider.class)).thenReturn(cluster);
        when(session.getProvider(RetentionProvider.class)).thenReturn(retention);
        when(session.singleUseObjects()).thenReturn(store);
        when(session.realms()).thenReturn(realms);
        return session;
    }

    private static RealmModel realm(String name) {
        RealmModel realm = mock(RealmModel.class);
        when(realm.getName()).thenReturn(name);
        when(realm.getId()).thenReturn(name + "-id");
        return realm;
    }
}
