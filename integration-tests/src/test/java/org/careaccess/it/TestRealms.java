package org.careaccess.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.careaccess.testkit.AdminClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

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

    /** As above, with realm fields replaced too (e.g. {@code failureFactor}). */
    static void createPatientsCopy(String name, Map<String, Map<String, String>> settings, Map<String, Integer> realmFields) {
        ObjectNode realm = patientsRealm();
        realm.put("realm", name);
        // NHS login's client at the stand-in knows only the patients realm's broker endpoint.
        realm.remove("identityProviders");
        realmFields.forEach(realm::put);
        for (JsonNode config : realm.withArray("authenticatorConfig")) {
            Map<String, String> changes = settings.get(config.path("alias").asText());
            if (changes != null) {
                changes.forEach(((ObjectNode) config.path("config"))::put);
            }
        }
        AdminClient admin = CareAccessServer.admin();
        if (admin.get("/realms/" + name).status() == 200) {
            admin.delete("/realms/" + name).expect(204);
        }
        admin.post("/realms", realm).expect(201);
    }

    static void delete(String name) {
        CareAccessServer.admin().delete("/realms/" + name);
    }

    private static ObjectNode patientsRealm() {
        Path file = Path.of(System.getProperty("careaccess.realm.config"), "patients-realm.json");
        try {
            String json = Files.readString(file)
                    .replace("${CAREACCESS_ALLOW_DRAMA_NUMBERS:false}", "true")
                    .replace("${CAREACCESS_PORTAL_SECRET}", CareAccessServer.PORTAL_SECRET)
                    .replace("${CAREACCESS_ISSUER_SECRET}", CareAccessServer.ISSUER_SECRET)
                    .replace("${CAREACCESS_PORTAL_URL:http://localhost:3000}", CareAccessServer.PORTAL_URL);
            return (ObjectNode) AdminClient.json().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
