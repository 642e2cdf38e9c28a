package org.careaccess.keycloak.issuer;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;

import org.careaccess.keycloak.api.JsonApi;
import org.careaccess.keycloak.link.BirthDates;
import org.careaccess.keycloak.link.NhsNumber;
import org.careaccess.keycloak.link.Purpose;
import org.careaccess.keycloak.phone.PhoneNumberRejectedException;
import org.careaccess.keycloak.phone.PhoneNumberRules;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A request to issue a link, checked field by field. The first problem found is reported with
 * its field name and a message an integrator can act on ({@code 400 {"error":"invalid_request","field":...,"message":...}});
 * input is never echoed back.
 */
public record LinkRequest(LocalDate birthDate, String mobile, String nhsNumber, String givenName, String familyName,
                          Purpose purpose, String resource, int expiresInDays) {

    public static final int DEFAULT_EXPIRES_IN_DAYS = 30;
    public static final int MAX_EXPIRES_IN_DAYS = 90;
    public static final int MAX_RESOURCE_LENGTH = 256;
    public static final int MAX_NAME_LENGTH = 100;

    private static final Set<String> FIELDS = Set.of("birthDate", "mobile", "nhsNumber", "givenName", "familyName", "purpose",
            "resource", "expiresInDays");

    public static LinkRequest read(JsonNode body, PhoneNumberRules.Options phoneOptions, LocalDate today) throws JsonApi.Invalid {
        return read(body, phoneOptions, today, Set.of());
    }

    /** Reads the link's fields; {@code otherFields} are allowed too, for the caller to read. */
    public static LinkRequest read(JsonNode body, PhoneNumberRules.Options phoneOptions, LocalDate today, Set<String> otherFields)
            throws JsonApi.Invalid {
        if (body == null || !body.isObject()) {
            throw new JsonApi.Invalid(null, "The body must be a JSON object");
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name) && !otherFields.contains(name)) {
                throw new JsonApi.Invalid(name, "Unknown field; allowed fields are "
                        + String.join(", ", java.util.stream.Stream.concat(FIELDS.stream(), otherFields.stream()).sorted().toList()));
            }
        }
        LocalDate birthDate = birthDate(body, today);
        String mobile = mobile(body, phoneOptions);
        Purpose purpose = Purpose.of(requiredText(body, "purpose")).orElseThrow(() ->
                new JsonApi.Invalid("purpose", "purpose must be one of " + Purpose.allowedValues()));
        String nhsNumber = optionalText(body, "nhsNumber", 20).map(value -> NhsNumber.normalise(value).orElse(null)).orElse(null);
        if (nhsNumber == null && present(body, "nhsNumber")) {
            throw new JsonApi.Invalid("nhsNumber", "nhsNumber must be 10 digits with a valid check digit");
        }
        return new LinkRequest(birthDate, mobile, nhsNumber,
                name(body, "givenName"), name(body, "familyName"), purpose,
                optionalText(body, "resource", MAX_RESOURCE_LENGTH).orElse(null), expiresInDays(body));
    }

    private static LocalDate birthDate(JsonNode body, LocalDate today) throws JsonApi.Invalid {
        String value = requiredText(body, "birthDate");
        LocalDate date;
        try {
            date = value.length() == 10 ? LocalDate.parse(value) : null;
        } catch (DateTimeParseException e) {
            date = null;
        }
        if (date == null) {
            throw new JsonApi.Invalid("birthDate", "birthDate must be a real date written YYYY-MM-DD");
        }
        Optional<BirthDates.Problem> problem = BirthDates.check(date, today);
        if (problem.isPresent()) {
            throw new JsonApi.Invalid("birthDate", problem.get() == BirthDates.Problem.IN_THE_FUTURE
                    ? "birthDate must be today or in the past"
                    : "birthDate must be on or after " + BirthDates.EARLIEST);
        }
        return date;
    }

    private static String mobile(JsonNode body, PhoneNumberRules.Options options) throws JsonApi.Invalid {
        JsonNode node = body.get("mobile");
        if (node != null && !node.isNull() && !node.isTextual()) {
            throw new JsonApi.Invalid("mobile", "mobile must be a string");
        }
        try {
            return PhoneNumberRules.normalise(node == null || node.isNull() ? null : node.asText(), options);
        } catch (PhoneNumberRejectedException e) {
            throw new JsonApi.Invalid("mobile", e.reason().message());
        }
    }

    private static int expiresInDays(JsonNode body) throws JsonApi.Invalid {
        JsonNode node = body.get("expiresInDays");
        if (node == null || node.isNull()) {
            return DEFAULT_EXPIRES_IN_DAYS;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.asInt() < 1 || node.asInt() > MAX_EXPIRES_IN_DAYS) {
            throw new JsonApi.Invalid("expiresInDays", "expiresInDays must be a whole number from 1 to " + MAX_EXPIRES_IN_DAYS);
        }
        return node.asInt();
    }

    private static String name(JsonNode body, String field) throws JsonApi.Invalid {
        Optional<String> value = optionalText(body, field, MAX_NAME_LENGTH);
        return value.orElse(null);
    }

    private static String requiredText(JsonNode body, String field) throws JsonApi.Invalid {
        return optionalText(body, field, 64).orElseThrow(() -> new JsonApi.Invalid(field, field + " is required"));
    }

    /** A string field, trimmed; empty when absent, null or blank. No control characters. */
    public static Optional<String> optionalText(JsonNode body, String field, int maxLength) throws JsonApi.Invalid {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            throw new JsonApi.Invalid(field, field + " must be a string");
        }
        String value = node.asText().strip();
        if (value.length() > maxLength) {
            throw new JsonApi.Invalid(field, field + " must be at most " + maxLength + " characters");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new JsonApi.Invalid(field, field + " must not contain control characters");
        }
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    private static boolean present(JsonNode body, String field) {
        JsonNode node = body.get(field);
        return node != null && !node.isNull() && !(node.isTextual() && node.asText().isBlank());
    }
}
