package org.careaccess.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.careaccess.testkit.AdminClient;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

class RealmCopiesTest {

    @ParameterizedTest
    @ValueSource(strings = {"patients-realm.json", "staff-realm.json"})
    void everyCareAccessPlaceholderIsFilledInWithOursOrTheDefault(String file) throws Exception {
        String filled = RealmCopies.filledIn(Files.readString(Path.of("..", "realm-config", file)));

        assertThat(filled).doesNotContain("${CAREACCESS_");
        JsonNode realm = AdminClient.json().readTree(filled);
        assertThat(realm.path("attributes").path("careaccess.phone.allowDramaNumbers").asText()).isEqualTo("true");
        JsonNode portal = realm.path("clients").get(0);
        assertThat(portal.path("secret").asText()).isEqualTo(RealmCopies.PORTAL_SECRET);
        assertThat(portal.path("baseUrl").asText()).isIn(RealmCopies.PATIENT_PORTAL_URL + "/", RealmCopies.STAFF_PORTAL_URL + "/");
    }
}
