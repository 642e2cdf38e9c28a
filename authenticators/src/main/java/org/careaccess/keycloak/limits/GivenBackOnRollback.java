package org.careaccess.keycloak.limits;

import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;

/**
 * What a transaction took in the cluster-wide store (a claim, a slot) outlives the transaction, so
 * when the transaction rolls back, or its commit fails, the taken thing is given back: the work it
 * paid for did not happen and will be done again. Keycloak rolls back "after completion"
 * transactions in both cases and never calls them when a main transaction's commit failed otherwise.
 */
public final class GivenBackOnRollback {

    private GivenBackOnRollback() {
    }

    /** Runs {@code giveBack} if this session's transaction does not commit. */
    public static void enlist(KeycloakSession session, Runnable giveBack) {
        session.getTransactionManager().enlistAfterCompletion(new AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {
            }

            @Override
            protected void rollbackImpl() {
                giveBack.run();
            }
        });
    }
}
