package org.careaccess.keycloak.staff;

import java.util.List;
import java.util.Map;

import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * The limits on emailed sign-in links, set on the sign-in step (admin console: the step's
 * settings). Defaults: a link works for 15 minutes; at most 5 links per address and 50 per IP
 * address in any hour, counted across the cluster. The IP limit is generous because a whole
 * hospital can sit behind one address.
 */
record SignInLinkPolicy(long lifetimeSeconds, int maxPerAddressPerHour, int maxPerIpPerHour) {

    static final String LIFETIME_SECONDS = "signInLinkLifetimeSeconds";
    static final String MAX_PER_ADDRESS_PER_HOUR = "signInLinksPerAddressPerHour";
    static final String MAX_PER_IP_PER_HOUR = "signInLinksPerIpPerHour";

    static final SignInLinkPolicy DEFAULTS = new SignInLinkPolicy(900, 5, 50);

    static SignInLinkPolicy from(AuthenticatorConfigModel config) {
        Map<String, String> values = config == null || config.getConfig() == null ? Map.of() : config.getConfig();
        return new SignInLinkPolicy(
                positive(values.get(LIFETIME_SECONDS), DEFAULTS.lifetimeSeconds),
                (int) positive(values.get(MAX_PER_ADDRESS_PER_HOUR), DEFAULTS.maxPerAddressPerHour),
                (int) positive(values.get(MAX_PER_IP_PER_HOUR), DEFAULTS.maxPerIpPerHour));
    }

    /** Whole minutes, for the screens and the email ("works for 15 minutes"). */
    long lifetimeMinutes() {
        return Math.max(1, (lifetimeSeconds + 59) / 60);
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
                .property().name(LIFETIME_SECONDS).label("Sign-in link lifetime (seconds)").type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue(Long.toString(DEFAULTS.lifetimeSeconds))
                .helpText("How long an emailed sign-in link works. It works once, and only in the browser that asked for it. Default 900 (15 minutes).").add()
                .property().name(MAX_PER_ADDRESS_PER_HOUR).label("Sign-in links per email address per hour").type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue(Integer.toString(DEFAULTS.maxPerAddressPerHour))
                .helpText("Most sign-in links asked for one email address in any hour, whether or not it has an account, counted across the cluster. Default 5.").add()
                .property().name(MAX_PER_IP_PER_HOUR).label("Sign-in links per IP address per hour").type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue(Integer.toString(DEFAULTS.maxPerIpPerHour))
                .helpText("Most sign-in links asked for from one IP address through this step in any hour, counted across the cluster. "
                        + "Keep it high enough for a site where many staff share one address. Default 50.").add()
                .build();
    }
}
