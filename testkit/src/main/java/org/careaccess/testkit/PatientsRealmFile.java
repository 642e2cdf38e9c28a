package org.careaccess.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Copies of the patients realm (realm-config/patients-realm.json, placeholders filled in as at
 * import) with different step settings: how tests see what happens after a lock or a limit
 * without waiting out the defaults, which the realm {@code patients} keeps. Copies have no NHS login.
 */
public final class PatientsRealmFile {

    private PatientsRealmFile() {
    }

    /**
     * Creates realm {@code name} through this admin client (replacing a realm of that name).
     * {@code placeholders} fill the file's {@code ${...}} placeholders (the whole placeholder, default
     * included, as written in the file); {@code settings} maps an authenticator config alias
     * (e.g. "careaccess security code") to settings that replace its defaults; {@code realmFields}
     * replace realm fields (e.g. {@code failureFactor}, {@code bruteForceProtected}).
     */
    public static void createCopy(AdminClient admin, String name, Map<String, String> placeholders,
                                  Map<String, Map<String, String>> settings, Map<String, ?> realmFields) {
        ObjectNode realm = read(placeholders);
        realm.put("realm", name);
        // NHS login's client at the stand-in knows only the patients realm's broker endpoint.
        realm.remove("identityProviders");
        realmFields.forEach((field, value) -> realm.set(field, AdminClient.json().valueToTree(value)));
        for (JsonNode config : realm.withArray("authenticatorConfig")) {
            Map<String, String> changes = settings.get(config.path("alias").asText());
            if (changes != null) {
                changes.forEach(((ObjectNode) config.path("config"))::put);
            }
        }
        if (admin.get("/realms/" + name).status() == 200) {
            admin.delete("/realms/" + name).expect(204);
        }
        admin.post("/realms", realm).expect(201);
    }

    private static ObjectNode read(Map<String, String> placeholders) {
        Path file = BuildPaths.path("careaccess.realm.config").resolve("patients-realm.json");
        try {
            String json = Files.readString(file);
            for (Map.Entry<String, String> placeholder : placeholders.entrySet()) {
                json = json.replace(placeholder.getKey(), placeholder.getValue());
            }
            return (ObjectNode) AdminClient.json().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
