package org.careaccess.keycloak.issuer;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;

import org.careaccess.keycloak.api.JsonApi;
import org.careaccess.keycloak.phone.PhoneNumberRules;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One link to issue, as a single request or a batch record carries it: the link's fields
 * ({@link LinkRequest}), the caller's {@code requestId} (a retry within 24 hours returns the same link),
 * whether CareAccess texts the link ({@code send}) and in which language ({@code locale}: {@code en}
 * or {@code cy}).
 */
public record IssueRecord(LinkRequest link, String requestId, boolean send, Locale locale) {

    public static final int MAX_REQUEST_ID_LENGTH = 128;
    private static final Set<String> FIELDS = Set.of("requestId", "send", "locale");
    private static final Set<String> LANGUAGES = Set.of("en", "cy");

    public static IssueRecord read(JsonNode body, PhoneNumberRules.Options phoneOptions, LocalDate today, boolean requestIdRequired)
            throws JsonApi.Invalid {
        LinkRequest link = LinkRequest.read(body, phoneOptions, today, FIELDS);
        String requestId = LinkRequest.optionalText(body, "requestId", MAX_REQUEST_ID_LENGTH).orElse(null);
        if (requestId == null && requestIdRequired) {
            throw new JsonApi.Invalid("requestId", "requestId is required: a value of yours, unique per link, that a retry repeats");
        }
        JsonNode send = body.get("send");
        if (send != null && !send.isNull() && !send.isBoolean()) {
            throw new JsonApi.Invalid("send", "send must be true or false");
        }
        String language = LinkRequest.optionalText(body, "locale", 8).orElse("en");
        if (!LANGUAGES.contains(language)) {
            throw new JsonApi.Invalid("locale", "locale must be en or cy");
        }
        return new IssueRecord(link, requestId, send != null && send.asBoolean(), Locale.forLanguageTag(language));
    }
}
