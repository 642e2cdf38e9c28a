package org.careaccess.keycloak.patient.dob;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.careaccess.keycloak.link.LinkLockEntity;
import org.junit.jupiter.api.Test;

/** The rules applied to a link's row under its lock; the row lock itself is proven by DateOfBirthLockIT. */
class DateOfBirthAttemptsTest {

    private static final DateOfBirthPolicy POLICY = new DateOfBirthPolicy(5, List.of(900L, 3600L), 12);
    private static final long NOW = 1_800_000_000_000L;

    private final LinkLockEntity row = new LinkLockEntity();

    @Test
    void theFifthTryLocksTheLinkBeforeItsDateIsCompared() {
        for (int i = 1; i <= 4; i++) {
            assertThat(DateOfBirthAttempts.take(row, POLICY, NOW)).isEqualTo(new DateOfBirthAttempts.Try(true, DateOfBirthAttempts.Lock.NONE));
        }

        DateOfBirthAttempts.Try fifth = DateOfBirthAttempts.take(row, POLICY, NOW);

        assertThat(fifth).isEqualTo(new DateOfBirthAttempts.Try(true, new DateOfBirthAttempts.Lock(Instant.ofEpochMilli(NOW + 900_000), false)));
        assertThat(DateOfBirthAttempts.take(row, POLICY, NOW + 1000).taken()).as("a sixth, in parallel").isFalse();
        assertThat(row.getWrongDates()).isEqualTo(5);
    }

    @Test
    void theSecondLockLastsTheSecondTime() {
        takeTimes(5, NOW);

        takeTimes(4, NOW + 900_000);
        DateOfBirthAttempts.Try tenth = DateOfBirthAttempts.take(row, POLICY, NOW + 900_000);

        assertThat(tenth.lock().until()).isEqualTo(Instant.ofEpochMilli(NOW + 900_000 + 3_600_000));
    }

    @Test
    void theLastTryOfTheLinksLifeLocksItForGood() {
        takeTimes(5, NOW);
        takeTimes(5, NOW + 900_000);
        takeTimes(1, NOW + 900_000 + 3_600_000);

        DateOfBirthAttempts.Try twelfth = DateOfBirthAttempts.take(row, POLICY, NOW + 900_000 + 3_600_000);

        assertThat(twelfth.lock().forGood()).isTrue();
        assertThat(DateOfBirthAttempts.take(row, POLICY, NOW + 86_400_000L * 30)).isEqualTo(
                new DateOfBirthAttempts.Try(false, new DateOfBirthAttempts.Lock(null, true)));
    }

    @Test
    void aRightDateGivesBackOnlyItsOwnTryAndLiftsTheLockItsTryWrote() {
        takeTimes(4, NOW);
        DateOfBirthAttempts.Try right = DateOfBirthAttempts.take(row, POLICY, NOW);

        DateOfBirthAttempts.giveBack(row, right);

        assertThat(row.getLockedUntil()).isNull();
        assertThat(row.getLocks()).isZero();
        assertThat(row.getWrongDatesSinceLock()).isZero();
        assertThat(row.getWrongDates()).as("the four wrong dates stay in the link's life").isEqualTo(4);
    }

    private void takeTimes(int times, long now) {
        for (int i = 0; i < times; i++) {
            DateOfBirthAttempts.take(row, POLICY, now);
        }
    }
}
