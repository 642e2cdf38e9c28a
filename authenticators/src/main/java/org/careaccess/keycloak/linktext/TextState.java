package org.careaccess.keycloak.linktext;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a link's text stands. {@code SENDING} is the queue's lease; the API shows it as queued. */
public enum TextState {
    QUEUED, SENDING, SENT, FAILED, DELIVERED, NOT_DELIVERED;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<TextState> of(String value) {
        return Arrays.stream(values()).filter(s -> s.value().equals(value)).findFirst();
    }
}
