package org.careaccess.keycloak.link;

import java.util.Arrays;
import java.util.Optional;

/** How a browser became a link's trusted device; stored with the link and reported by the issuer API. */
public enum DeviceBinding {
    /** The first browser to open the link, with the authenticator's trustFirstDevice on. */
    FIRST_USE("first_use"),
    /** After the right security code was typed on it. */
    SMS("sms"),
    /** After NHS login confirmed the link's patient. */
    NHS_LOGIN("nhslogin");

    private final String value;

    DeviceBinding(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static Optional<DeviceBinding> of(String value) {
        return Arrays.stream(values()).filter(b -> b.value.equals(value)).findFirst();
    }
}
