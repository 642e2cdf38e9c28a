package org.careaccess.it;

import java.util.Map;

import org.careaccess.testkit.PatientsRealmFile;

/**
 * Copies of the patients realm (realm-config/patients-realm.json, placeholders filled in as at
 * import) with different step settings: how tests see what happens after a lock or a code
 * lifetime ends without waiting out the defaults, which the realm {@code patients} keeps. Copies
 * have no NHS login.
 */
final class TestRealms {

    private TestRealms() {
    }

    /**
     * Creates realm {@code name}; {@code settings} maps an authenticator config alias of the realm
     * file (e.g. "careaccess security code") to settings that replace its defaults.
     */
    static void createPatientsCopy(String name, Map<String, Map<String, String>> settings) {
        createPatientsCopy(name, settings, Map.of());
    }

    /** As above, with realm fields replaced too (e.g. {@code failureFactor}, {@code bruteForceProtected}). */
    static void createPatientsCopy(String name, Map<String, Map<String, String>> settings, Map<String, ?> realmFields) {
        PatientsRealmFile.createCopy(CareAccessServer.admin(), name, Map.of(
                "${CAREACCESS_ALLOW_DRAMA_NUMBERS:false}", "true",
                "${CAREACCESS_PORTAL_SECRET}", CareAccessServer.PORTAL_SECRET,
                "${CAREACCESS_ISSUER_SECRET}", CareAccessServer.ISSUER_SECRET,
                "${CAREACCESS_PORTAL_URL:http://localhost:3000}", CareAccessServer.PORTAL_URL), settings, realmFields);
    }

    static void delete(String name) {
        CareAccessServer.admin().delete("/realms/" + name);
    }
}
