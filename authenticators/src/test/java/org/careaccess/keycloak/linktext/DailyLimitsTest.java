package org.careaccess.keycloak.linktext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.keycloak.models.RealmModel;

class DailyLimitsTest {

    @Test
    void eachRealmsLimitIsReadOncePerRunHoweverManyOfItsTextsGo() {
        List<String> reads = new ArrayList<>();
        DailyLimits limits = new DailyLimits(realm -> {
            reads.add(realm.getId());
            return "patients".equals(realm.getId()) ? 10 : 3;
        });
        RealmModel patients = realm("patients");
        RealmModel wales = realm("wales");

        for (int i = 0; i < 5; i++) {
            assertThat(limits.textsPerNumberPerDay(patients)).isEqualTo(10);
            // Each text is sent in a session of its own, with its own RealmModel of the same realm.
            assertThat(limits.textsPerNumberPerDay(realm("patients"))).isEqualTo(10);
            assertThat(limits.textsPerNumberPerDay(wales)).isEqualTo(3);
        }

        assertThat(reads).containsExactly("patients", "wales");
    }

    @Test
    void theNextRunReadsItAgain() {
        List<String> reads = new ArrayList<>();
        RealmModel patients = realm("patients");
        new DailyLimits(realm -> {
            reads.add(realm.getId());
            return 10;
        }).textsPerNumberPerDay(patients);
        new DailyLimits(realm -> {
            reads.add(realm.getId());
            return 4;
        }).textsPerNumberPerDay(patients);

        assertThat(reads).hasSize(2);
    }

    private static RealmModel realm(String id) {
        RealmModel realm = mock(RealmModel.class);
        when(realm.getId()).thenReturn(id);
        return realm;
    }
}
