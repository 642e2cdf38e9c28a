package org.careaccess.keycloak.staff.links;

import java.util.List;

import org.careaccess.keycloak.flow.Setting;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * The limits on emailed sign-in links, set on the sign-in step (admin console: the step's
 * settings). Defaults: a link works for 15 minutes; at most 5 links per address and 50 per IP
 * address in any hour, counted across the cluster. The IP limit is generous because a whole
 * hospital can sit behind one address.
 */
public record SignInLinkPolicy(long lifetimeSeconds, int maxPerAddressPerHour, int maxPerIpPerHour) {

    static final String LIFETIME_SECONDS = "signInLinkLifetimeSeconds";
    static final String MAX_PER_ADDRESS_PER_HOUR = "signInLinksPerAddressPerHour";
    static final String MAX_PER_IP_PER_HOUR = "signInLinksPerIpPerHour";

    static final SignInLinkPolicy DEFAULTS = new SignInLinkPolicy(900, 5, 50);

    private static final long MAX_COUNT = 1_000_000;

    private static final Setting<Long> LIFETIME = Setting.number(LIFETIME_SECONDS, "Sign-in link lifetime (seconds)",
            DEFAULTS.lifetimeSeconds, 1, 86_400, "How long an emailed sign-in link works. It works once, and only in the browser that asked for it.");
    private static final Setting<Long> PER_ADDRESS = Setting.number(MAX_PER_ADDRESS_PER_HOUR, "Sign-in links per email address per hour",
            DEFAULTS.maxPerAddressPerHour, 1, MAX_COUNT,
            "Most sign-in links asked for one email address in any hour, whether or not it has an account, counted across the cluster.");
    private static final Setting<Long> PER_IP = Setting.number(MAX_PER_IP_PER_HOUR, "Sign-in links per IP address per hour",
            DEFAULTS.maxPerIpPerHour, 1, MAX_COUNT,
            "Most sign-in links asked for from one IP address through this step in any hour, counted across the cluster. "
                    + "Keep it high enough for a site where many staff share one address.");

    public static SignInLinkPolicy from(AuthenticatorConfigModel config) {
        return new SignInLinkPolicy(LIFETIME.read(config), PER_ADDRESS.read(config).intValue(), PER_IP.read(config).intValue());
    }

    /** Whole minutes, for the screens and the email ("works for 15 minutes"). */
    public long lifetimeMinutes() {
        return Math.max(1, (lifetimeSeconds + 59) / 60);
    }

    public static List<ProviderConfigProperty> configProperties() {
        return List.of(LIFETIME.property(), PER_ADDRESS.property(), PER_IP.property());
    }
}
