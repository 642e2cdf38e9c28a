package org.careaccess.keycloak.retention;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.careaccess.keycloak.link.PatientLinks;
import org.careaccess.keycloak.link.PatientUsers;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Deletes a realm's links that ended (expired, revoked, locked for good) more than its retention
 * period ago, oldest first, in batches of at most {@code batchSize}, each batch in a transaction of
 * its own: a purge of a million links never holds one transaction (or its locks) over the table,
 * and what a batch deleted stays deleted if a later one fails. A link's trusted device is a column
 * of its row and goes with it. Then each of the batch's patients with no link left and no NHS
 * number is deleted ({@link PatientUsers#removeUnreachable}); the others stay.
 */
final class EndedLinkPurge implements RetentionProvider {

    private final KeycloakSessionFactory factory;
    private final int batchSize;
    private final Clock clock;

    EndedLinkPurge(KeycloakSessionFactory factory, int batchSize, Clock clock) {
        this.factory = factory;
        this.batchSize = batchSize;
        this.clock = clock;
    }

    @Override
    public Purged purge(RealmModel realm) {
        String realmId = realm.getId();
        Instant cutoff = clock.instant().minus(RetentionPeriod.of(realm));
        Purged total = Purged.NONE;
        long from = Long.MIN_VALUE;
        while (true) {
            long start = from;
            Batch batch = KeycloakModelUtils.runJobInTransactionWithResult(factory, session -> {
                RealmModel inThisSession = session.realms().getRealm(realmId);
                if (inThisSession == null) {
                    return Batch.EMPTY;
                }
                session.getContext().setRealm(inThisSession);
                return batch(new PatientLinks(session, inThisSession), new PatientUsers(session, inThisSession), cutoff, start);
            });
            total = total.plus(batch.purged());
            // Short: nothing older is left. Nothing deleted: whatever is left is not ours to delete.
            if (batch.found() < batchSize || batch.purged().links() == 0) {
                return total;
            }
            from = batch.lastEndsAt();
        }
    }

    private Batch batch(PatientLinks links, PatientUsers patients, Instant cutoff, long from) {
        List<PatientLinks.EndedLink> ended = links.endedBefore(cutoff, from, batchSize);
        if (ended.isEmpty()) {
            return Batch.EMPTY;
        }
        int deleted = links.deleteEnded(ended.stream().map(PatientLinks.EndedLink::id).toList(), cutoff);
        Set<String> patientIds = new LinkedHashSet<>();
        ended.forEach(link -> patientIds.add(link.userId()));
        patientIds.removeAll(links.patientsWithLinks(patientIds));
        long removed = patientIds.stream().filter(patients::removeUnreachable).count();
        return new Batch(ended.size(), new Purged(deleted, removed), ended.get(ended.size() - 1).endsAt());
    }

    /** One batch: links found, what was deleted, and the ENDS_AT the next batch starts from. */
    private record Batch(int found, Purged purged, long lastEndsAt) {
        static final Batch EMPTY = new Batch(0, Purged.NONE, Long.MIN_VALUE);
    }
}
