package org.careaccess.keycloak.linktext;

import java.util.HashMap;
import java.util.Map;
import java.util.function.ToIntFunction;

import org.careaccess.keycloak.patient.code.LinkSecurityCodeFormFactory;
import org.keycloak.models.RealmModel;

/**
 * The texts a number may get a day, per realm, for one run of the drain: finding it walks the realm's
 * authentication flows to the patient code step's settings, so a run that sends many texts of one realm
 * reads it once, not once a text. Lives for one run (a second at most), so a changed setting applies from
 * the next run on every node; nothing is kept between runs.
 */
final class DailyLimits {

    private final ToIntFunction<RealmModel> read;
    private final Map<String, Integer> byRealmId = new HashMap<>();

    DailyLimits() {
        this(LinkSecurityCodeFormFactory::maxTextsPerNumberPerDay);
    }

    DailyLimits(ToIntFunction<RealmModel> read) {
        this.read = read;
    }

    int textsPerNumberPerDay(RealmModel realm) {
        return byRealmId.computeIfAbsent(realm.getId(), id -> read.applyAsInt(realm));
    }
}
