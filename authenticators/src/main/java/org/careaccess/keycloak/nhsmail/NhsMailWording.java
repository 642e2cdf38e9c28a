package org.careaccess.keycloak.nhsmail;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

import org.careaccess.keycloak.broker.ProviderName;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.IdentityProviderQuery;
import org.keycloak.models.KeycloakSession;

/**
 * How the staff sign-in page speaks of one NHSmail-type identity provider, in the page's language:
 * its name ("NHSmail", or e.g. "NHS Wales" / "GIG Cymru" for an organisation's own Microsoft 365
 * tenant), the button's words (null: the theme's "Log in with {name}") and the domains whose
 * addresses get the hint to use that button. Templates read {@code name}, {@code buttonLabel},
 * {@code domains} and {@code alias}. A class with getters, not a record: FreeMarker would find a
 * record's {@code alias()} method before the {@code alias} property.
 */
public final class NhsMailWording {

    private final String alias;
    private final String name;
    private final String buttonLabel;
    private final List<String> domains;

    NhsMailWording(String alias, String name, String buttonLabel, List<String> domains) {
        this.alias = alias;
        this.name = name;
        this.buttonLabel = buttonLabel;
        this.domains = domains;
    }

    /** The realm's enabled NHSmail-type providers that show on the sign-in page, by alias. */
    public static List<NhsMailWording> of(KeycloakSession session, Locale locale) {
        return session.identityProviders().getAllStream(IdentityProviderQuery.userAuthentication())
                .filter(IdentityProviderModel::isEnabled)
                .filter(idp -> NhsMailIdentityProviderFactory.PROVIDER_ID.equals(idp.getProviderId()))
                .sorted((a, b) -> a.getAlias().compareTo(b.getAlias()))
                .map(idp -> of(session, idp, locale))
                .toList();
    }

    static NhsMailWording of(KeycloakSession session, IdentityProviderModel idp, Locale locale) {
        NhsMailIdentityProviderConfig config = new NhsMailIdentityProviderConfig(idp);
        return new NhsMailWording(idp.getAlias(), ProviderName.in(locale, idp, session), config.buttonLabel(locale),
                List.copyOf(new TreeSet<>(config.allowedDomains())));
    }

    /** The provider whose domains hold this address, if any. */
    public static Optional<NhsMailWording> forAddress(List<NhsMailWording> providers, String address) {
        if (address == null) {
            return Optional.empty();
        }
        int at = address.lastIndexOf('@');
        String domain = at > 0 ? address.substring(at + 1).trim().toLowerCase(Locale.ROOT) : "";
        return providers.stream().filter(p -> p.domains.contains(domain)).findFirst();
    }

    public String getAlias() {
        return alias;
    }

    public String getName() {
        return name;
    }

    public String getButtonLabel() {
        return buttonLabel;
    }

    public List<String> getDomains() {
        return domains;
    }
}
