package org.careaccess.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

import org.careaccess.testkit.AdminClient;
import org.careaccess.testkit.BuildPaths;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Realms the benchmark makes from realm-config/'s files, with their placeholders filled in as at
 * import, known client secrets, no identity providers (their stand-ins do not run here) and, where
 * a scenario needs it, authenticator settings other than the defaults (see README, "Benchmark").
 */
public final class RealmCopies {

    public static final String PORTAL_SECRET = "benchmark-portal-secret";
    public static final String PATIENT_PORTAL_URL = "https://portal.example.org";
    public static final String STAFF_PORTAL_URL = "https://staff-portal.example.org";

    private RealmCopies() {
    }

    /**
     * Creates realm {@code name} from {@code realm-config/<file>}; {@code settings} maps an
     * authenticator config alias (e.g. "careaccess security code") to settings replacing its
     * defaults, and an alias the file does not have is added to the execution of the
     * authenticator named in {@code newConfigs} (alias to authenticator id).
     */
    public static void create(AdminClient admin, String file, String name, Map<String, Map<String, String>> settings,
                              Map<String, String> newConfigs) {
        ObjectNode realm = filled(file);
        realm.put("realm", name);
        realm.remove("identityProviders");
        realm.remove("identityProviderMappers");
        for (JsonNode config : realm.withArray("authenticatorConfig")) {
            Map<String, String> changes = settings.get(config.path("alias").asText());
            if (changes != null) {
                changes.forEach(((ObjectNode) config.path("config"))::put);
            }
        }
        newConfigs.forEach((alias, authenticator) -> addConfig(realm, alias, authenticator, settings.getOrDefault(alias, Map.of())));
        admin.post("/realms", realm).expect(201);
    }

    private static void addConfig(ObjectNode realm, String alias, String authenticator, Map<String, String> values) {
        ObjectNode config = realm.withArray("authenticatorConfig").addObject();
        config.put("alias", alias);
        values.forEach(config.putObject("config")::put);
        for (JsonNode flow : realm.withArray("authenticationFlows")) {
            for (JsonNode execution : flow.path("authenticationExecutions")) {
                if (authenticator.equals(execution.path("authenticator").asText())) {
                    ((ObjectNode) execution).put("authenticatorConfig", alias);
                }
            }
        }
    }

    private static ObjectNode filled(String file) {
        try {
            return (ObjectNode) AdminClient.json().readTree(filledIn(Files.readString(BuildPaths.path("careaccess.realm.config").resolve(file))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A realm file's text with every CareAccess placeholder replaced: ours, or the file's default. */
    static String filledIn(String json) {
        return json.replace("${CAREACCESS_ALLOW_DRAMA_NUMBERS:false}", "true")
                .replace("${CAREACCESS_PORTAL_SECRET}", PORTAL_SECRET)
                .replace("${CAREACCESS_STAFF_PORTAL_SECRET}", PORTAL_SECRET)
                .replace("${CAREACCESS_ISSUER_SECRET}", PORTAL_SECRET)
                .replace("${CAREACCESS_PORTAL_URL:http://localhost:3000}", PATIENT_PORTAL_URL)
                .replace("${CAREACCESS_STAFF_PORTAL_URL:https://staff-portal.example.org}", STAFF_PORTAL_URL)
                // Every other setting its default, as at an import without the variable set.
                .replaceAll("\\$\\{CAREACCESS_[A-Z_]+:([^}]*)}", "$1")
                .replaceAll("\\$\\{CAREACCESS_[A-Z_]+}", "unused");
    }
}
