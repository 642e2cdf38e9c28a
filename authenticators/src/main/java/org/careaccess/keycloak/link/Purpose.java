package org.careaccess.keycloak.link;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a patient link is for. The issuer API and the {@code careaccess_link} claim use {@link #value()}. */
public enum Purpose {
    APPOINTMENT, QUESTIONNAIRE, DOCUMENT, MESSAGE;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Purpose> of(String value) {
        return Arrays.stream(values()).filter(p -> p.value().equals(value)).findFirst();
    }

    public static String allowedValues() {
        return String.join(", ", Arrays.stream(values()).map(Purpose::value).toList());
    }
}
