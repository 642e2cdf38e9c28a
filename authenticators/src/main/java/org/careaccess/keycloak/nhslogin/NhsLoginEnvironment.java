package org.careaccess.keycloak.nhslogin;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * NHS login's environments and their issuers; each publishes its endpoints and keys at
 * {@code <issuer>/.well-known/openid-configuration}. {@code custom} takes the issuer from the
 * settings (a stand-in for tests and demos).
 */
public enum NhsLoginEnvironment {
    SANDPIT("sandpit", "https://auth.sandpit.signin.nhs.uk"),
    INTEGRATION("integration", "https://auth.aos.signin.nhs.uk"),
    PRODUCTION("production", "https://auth.login.nhs.uk"),
    CUSTOM("custom", null);

    private final String value;
    private final String issuer;

    NhsLoginEnvironment(String value, String issuer) {
        this.value = value;
        this.issuer = issuer;
    }

    public String value() {
        return value;
    }

    /** The environment's issuer; empty for {@link #CUSTOM}. */
    public Optional<String> issuer() {
        return Optional.ofNullable(issuer);
    }

    public static Optional<NhsLoginEnvironment> of(String value) {
        String wanted = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(e -> e.value.equals(wanted)).findFirst();
    }
}
