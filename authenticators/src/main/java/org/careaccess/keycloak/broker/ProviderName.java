package org.careaccess.keycloak.broker;

import java.util.Locale;

import org.keycloak.broker.provider.IdentityProvider;
import org.keycloak.broker.provider.IdentityProviderFactory;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.theme.Theme;

/**
 * An identity provider's name as a person reads it on a page, in the page's language. Keycloak has
 * one display name per provider and does not translate it on login pages, so a Welsh name is a
 * setting of its own ({@value #DISPLAY_NAME_CY}); without it Welsh pages use the display name,
 * and without that the provider type's name (e.g. "NHSmail"), as Keycloak's own pages do.
 */
public final class ProviderName {

    /** Identity-provider config: the name on Welsh pages, e.g. "GIG Cymru". */
    public static final String DISPLAY_NAME_CY = "displayNameCy";

    private ProviderName() {
    }

    /** The name for a page in {@code locale}. */
    public static String in(Locale locale, IdentityProviderModel provider, KeycloakSession session) {
        if (isWelsh(locale)) {
            String welsh = trimmed(provider.getConfig().get(DISPLAY_NAME_CY));
            if (welsh != null) {
                return welsh;
            }
        }
        String name = trimmed(provider.getDisplayName());
        if (name != null) {
            return name;
        }
        IdentityProviderFactory<?> type = (IdentityProviderFactory<?>) session.getKeycloakSessionFactory()
                .getProviderFactory(IdentityProvider.class, provider.getProviderId());
        return type != null ? type.getName() : provider.getAlias();
    }

    /** The language this sign-in's pages are shown in (the person's choice, profile, or browser). */
    public static Locale pageLocale(KeycloakSession session) {
        AuthenticationSessionModel authSession = session.getContext().getAuthenticationSession();
        return session.getContext().resolveLocale(authSession == null ? null : authSession.getAuthenticatedUser(), Theme.Type.LOGIN);
    }

    public static boolean isWelsh(Locale locale) {
        return locale != null && "cy".equals(locale.getLanguage());
    }

    /** A setting's value without surrounding spaces, or null when it is missing or blank. */
    public static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
