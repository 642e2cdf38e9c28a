package org.careaccess.keycloak.nhsmail;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.careaccess.keycloak.broker.ProviderName;
import org.keycloak.broker.oidc.OIDCIdentityProviderConfig;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.RealmModel;

/**
 * Settings of an NHSmail identity provider: an OpenID Connect broker pinned to one Microsoft Entra
 * tenant (by default NHSmail's). The endpoints and the trusted issuer follow from the tenant unless
 * set explicitly (a stand-in for tests and demos sets them); only the tenant's tokens are accepted,
 * and only addresses in the allowed domains may sign in.
 */
public final class NhsMailIdentityProviderConfig extends OIDCIdentityProviderConfig {

    /** NHSmail's Entra tenant (NHS.net Connect). */
    public static final String NHSMAIL_TENANT = "37c354b2-85b0-47f5-b222-07b48d774ee3";
    public static final String DEFAULT_AUTHORITY = "https://login.microsoftonline.com";
    public static final String DEFAULT_ALLOWED_DOMAINS = "nhs.net";

    public static final String TENANT = "tenant";
    public static final String ALLOWED_DOMAINS = "allowedDomains";
    public static final String AUTHORITY = "authority";
    /** The sign-in button's words on English and on Welsh pages, e.g. "Log in with NHS Wales". */
    public static final String BUTTON_LABEL = "buttonLabel";
    public static final String BUTTON_LABEL_CY = "buttonLabelCy";

    /** A button label longer than this would wrap over several lines on a phone. */
    static final int MAX_LABEL_LENGTH = 60;

    private static final Pattern DOMAIN = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+");

    public NhsMailIdentityProviderConfig(IdentityProviderModel model) {
        super(model);
        applyEntraDefaults();
    }

    public NhsMailIdentityProviderConfig() {
        super();
    }

    /** Entra's v2.0 endpoints for the tenant, wherever an explicit value is missing. */
    private void applyEntraDefaults() {
        String base = authority() + "/" + tenant();
        putIfBlank("authorizationUrl", base + "/oauth2/v2.0/authorize");
        putIfBlank("tokenUrl", base + "/oauth2/v2.0/token");
        putIfBlank(JWKS_URL, base + "/discovery/v2.0/keys");
        putIfBlank("issuer", base + "/v2.0");
        putIfBlank("defaultScope", "openid profile email");
        putIfBlank(USE_JWKS_URL, "true");
        putIfBlank(VALIDATE_SIGNATURE, "true");
        // Entra's userinfo endpoint lives on Microsoft Graph; the ID token carries what is needed.
        putIfBlank("disableUserInfo", "true");
        putIfBlank("clientAuthMethod", "client_secret_post");
    }

    private void putIfBlank(String key, String value) {
        String current = getConfig().get(key);
        if (current == null || current.isBlank()) {
            getConfig().put(key, value);
        }
    }

    public String tenant() {
        String tenant = getConfig().get(TENANT);
        return tenant == null || tenant.isBlank() ? NHSMAIL_TENANT : tenant.trim().toLowerCase(Locale.ROOT);
    }

    public String authority() {
        String authority = getConfig().get(AUTHORITY);
        String value = authority == null || authority.isBlank() ? DEFAULT_AUTHORITY : authority.trim();
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }

    /**
     * The button's words for a page in {@code locale}; null when not set, and the theme's
     * "Log in with {name}" is used, so a blank setting never leaves an empty button.
     */
    public String buttonLabel(Locale locale) {
        return ProviderName.trimmed(getConfig().get(ProviderName.isWelsh(locale) ? BUTTON_LABEL_CY : BUTTON_LABEL));
    }

    /** Lower-case domains whose addresses may sign in, e.g. {@code nhs.net}. */
    public Set<String> allowedDomains() {
        return allowedDomains(getConfig().get(ALLOWED_DOMAINS));
    }

    static Set<String> allowedDomains(String configured) {
        String value = configured == null || configured.isBlank() ? DEFAULT_ALLOWED_DOMAINS : configured;
        return Arrays.stream(value.split("##|[,\\s]+"))
                .map(d -> d.trim().toLowerCase(Locale.ROOT))
                .map(d -> d.startsWith("@") ? d.substring(1) : d)
                .filter(d -> !d.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Whether this address may sign in: exactly one of the allowed domains, no subdomains. */
    public boolean allows(String email) {
        if (email == null) {
            return false;
        }
        int at = email.lastIndexOf('@');
        return at > 0 && allowedDomains().contains(email.substring(at + 1).toLowerCase(Locale.ROOT));
    }

    @Override
    public void validate(RealmModel realm) {
        super.validate(realm);
        try {
            UUID.fromString(tenant());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("NHSmail tenant must be an Entra tenant id (a GUID)");
        }
        Set<String> domains = allowedDomains();
        if (domains.isEmpty() || !domains.stream().allMatch(d -> DOMAIN.matcher(d).matches())) {
            throw new IllegalArgumentException("NHSmail allowed domains must be domain names, like nhs.net");
        }
        for (String label : new String[] {BUTTON_LABEL, BUTTON_LABEL_CY, ProviderName.DISPLAY_NAME_CY}) {
            String value = getConfig().get(label);
            if (value != null && value.trim().length() > MAX_LABEL_LENGTH) {
                throw new IllegalArgumentException("NHSmail " + label + " must be at most " + MAX_LABEL_LENGTH + " characters");
            }
        }
    }
}
