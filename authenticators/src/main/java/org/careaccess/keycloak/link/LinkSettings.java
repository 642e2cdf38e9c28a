package org.careaccess.keycloak.link;

import java.net.URI;
import java.util.Optional;

import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.util.ResolveRelative;
import org.keycloak.urls.UrlType;

/**
 * A realm's patient-link settings, kept as realm attributes (admin console: Realm settings, or
 * the realm JSON's {@code attributes}).
 */
public final class LinkSettings {

    /** The client the public link endpoint starts the flow for. Default {@value #DEFAULT_PORTAL_CLIENT_ID}. */
    public static final String PORTAL_CLIENT_ID = "careaccess.link.portalClientId";
    /**
     * The URL texted to patients, with placeholders {@code {keycloak}} (this server's public URL),
     * {@code {realm}} and {@code {code}}. Default {@value #DEFAULT_URL}.
     */
    public static final String URL = "careaccess.link.url";
    /**
     * The portal page a link leads to: {@code target_link_uri} of the login initiation, or the
     * redirect URI of a direct authorization request. Default the portal client's base URL, else
     * its first redirect URI without a wildcard.
     */
    public static final String REDIRECT_URI = "careaccess.link.redirectUri";
    /**
     * {@code true}: the link endpoint sends the authorization request itself, without state, nonce
     * or PKCE, instead of handing the link to the portal's login-initiation URI. The portal must
     * then accept a code it never asked for (login cross-site request forgery, RFC 9700 4.7), and
     * a client that requires PKCE cannot use it. Only for portals that cannot be changed.
     */
    public static final String DIRECT_AUTHORIZATION_REQUEST = "careaccess.link.directAuthorizationRequest";

    public static final String DEFAULT_PORTAL_CLIENT_ID = "patient-portal";
    public static final String DEFAULT_URL = "{keycloak}/realms/{realm}/careaccess/l/{code}";

    private final KeycloakSession session;
    private final RealmModel realm;

    public LinkSettings(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /** The URL a patient is texted for this code. */
    public String linkUrl(String code) {
        return attribute(URL, DEFAULT_URL)
                .replace("{keycloak}", serverUrl())
                .replace("{realm}", realm.getName())
                .replace("{code}", code);
    }

    public String portalClientId() {
        return attribute(PORTAL_CLIENT_ID, DEFAULT_PORTAL_CLIENT_ID);
    }

    public Optional<ClientModel> portalClient() {
        return Optional.ofNullable(realm.getClientByClientId(portalClientId())).filter(ClientModel::isEnabled);
    }

    public Optional<String> redirectUri() {
        String configured = realm.getAttribute(REDIRECT_URI);
        if (configured != null && !configured.isBlank()) {
            return Optional.of(configured.trim());
        }
        return portalClient().flatMap(this::defaultRedirectUri);
    }

    public boolean directAuthorizationRequest() {
        return Boolean.parseBoolean(attribute(DIRECT_AUTHORIZATION_REQUEST, "false"));
    }

    /** The portal client's login-initiation URI ({@link LoginInitiationMapper}), if it has one. */
    public Optional<String> loginInitiationUri() {
        return portalClient().flatMap(client -> client.getProtocolMappersStream()
                .filter(mapper -> LoginInitiationMapper.PROVIDER_ID.equals(mapper.getProtocolMapper()))
                .map(mapper -> mapper.getConfig().get(LoginInitiationMapper.URI))
                .filter(uri -> uri != null && !uri.isBlank())
                .map(uri -> ResolveRelative.resolveRelativeUri(session, client.getRootUrl(), uri.trim()))
                .findFirst());
    }

    private Optional<String> defaultRedirectUri(ClientModel client) {
        if (client.getBaseUrl() != null && !client.getBaseUrl().isBlank()) {
            return Optional.of(ResolveRelative.resolveRelativeUri(session, client.getRootUrl(), client.getBaseUrl()));
        }
        return client.getRedirectUris().stream().sorted().filter(uri -> !uri.contains("*")).findFirst()
                .map(uri -> ResolveRelative.resolveRelativeUri(session, client.getRootUrl(), uri));
    }

    /** This server's public URL without a trailing slash, as patients' browsers reach it. */
    private String serverUrl() {
        URI base = session.getContext().getUri(UrlType.FRONTEND).getBaseUri();
        String url = base.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private String attribute(String name, String fallback) {
        String value = realm.getAttribute(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
