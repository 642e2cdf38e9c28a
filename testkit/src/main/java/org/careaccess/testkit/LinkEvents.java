package org.careaccess.testkit;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** The stored sign-in events of one patient link (detail {@code careaccess_link_id}), from the admin API. */
public final class LinkEvents {

    private LinkEvents() {
    }

    public static List<JsonNode> loginErrors(AdminClient admin, String realm, String linkId) {
        List<JsonNode> ofLink = new ArrayList<>();
        admin.get("/realms/" + realm + "/events?type=LOGIN_ERROR&max=1000").expect(200).body().forEach(event -> {
            if (linkId.equals(event.path("details").path("careaccess_link_id").asText())) {
                ofLink.add(event);
            }
        });
        return ofLink;
    }

    /** How many dates of birth were compared on the link: its {@code dob_mismatch*} events. */
    public static long datesOfBirthCompared(AdminClient admin, String realm, String linkId) {
        return loginErrors(admin, realm, linkId).stream()
                .filter(event -> event.path("details").path("careaccess_reason").asText().startsWith("dob_mismatch")).count();
    }
}
