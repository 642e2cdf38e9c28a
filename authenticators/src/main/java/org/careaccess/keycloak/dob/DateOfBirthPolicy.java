package org.careaccess.keycloak.dob;

import java.util.List;
import java.util.Map;

import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** The date of birth step's settings. Defaults are DESIGN.md's: 5 wrong dates lock the link for 15 minutes. */
record DateOfBirthPolicy(int maxAttempts, long lockSeconds) {

    static final String MAX_ATTEMPTS = "dateOfBirthMaxAttempts";
    static final String LOCK_SECONDS = "dateOfBirthLockSeconds";
    static final DateOfBirthPolicy DEFAULTS = new DateOfBirthPolicy(5, 900);

    static DateOfBirthPolicy from(AuthenticatorConfigModel config) {
        Map<String, String> values = config == null || config.getConfig() == null ? Map.of() : config.getConfig();
        return new DateOfBirthPolicy((int) positive(values.get(MAX_ATTEMPTS), DEFAULTS.maxAttempts),
                positive(values.get(LOCK_SECONDS), DEFAULTS.lockSeconds));
    }

    private static long positive(String value, long fallback) {
        try {
            long parsed = value == null || value.isBlank() ? fallback : Long.parseLong(value.trim());
            return parsed >= 1 ? parsed : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    static List<ProviderConfigProperty> configProperties() {
        return ProviderConfigurationBuilder.create()
                .property().name(MAX_ATTEMPTS).label("Wrong dates before the link locks").type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue(Integer.toString(DEFAULTS.maxAttempts))
                .helpText("How many wrong dates of birth lock the link, counted across the cluster. Default 5.").add()
                .property().name(LOCK_SECONDS).label("Lock time (seconds)").type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue(Long.toString(DEFAULTS.lockSeconds))
                .helpText("How long a link stays locked after too many wrong dates of birth. Default 900 (15 minutes).").add()
                .build();
    }
}
