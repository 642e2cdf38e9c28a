package org.careaccess.keycloak.patient.device;

import java.time.Instant;
import java.util.Optional;

import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.NewCookie;

import org.careaccess.keycloak.secrets.Secrets;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resources.RealmsResource;
import org.keycloak.utils.SecureContextResolver;

/**
 * The {@code CAREACCESS_DEVICE} cookie that makes a browser a link's trusted device: 256 bits from
 * Keycloak's {@code SecretGenerator} (via {@link Secrets}), HttpOnly, Secure whenever Keycloak's own cookies are (HTTPS, or a local
 * address that browsers treat as secure), SameSite=Lax so it comes along when the texted link is
 * opened from the messages app, scoped to this realm's path. The server keeps only its SHA-256.
 */
public final class TrustedDeviceCookie {

    public static final String NAME = "CAREACCESS_DEVICE";
    static final int BYTES = 32;

    private TrustedDeviceCookie() {
    }

    /** The value this browser sent, when it is one this server could have made. */
    static Optional<String> presented(KeycloakSession session) {
        Cookie cookie = session.getContext().getRequestHeaders().getCookies().get(NAME);
        return Optional.ofNullable(cookie).map(Cookie::getValue).filter(value -> Secrets.isToken(value, BYTES));
    }

    static String newValue() {
        return Secrets.newToken(BYTES);
    }

    static String hash(String value) {
        return Secrets.sha256Hex(value);
    }

    /** Sets the cookie on the response, expiring at {@code expiresAt}. */
    static void set(KeycloakSession session, String value, Instant expiresAt) {
        int maxAge = (int) Math.max(1, Math.min(Integer.MAX_VALUE, expiresAt.getEpochSecond() - Instant.now().getEpochSecond()));
        NewCookie cookie = new NewCookie.Builder(NAME)
                .value(value)
                .path(realmPath(session))
                .maxAge(maxAge)
                .expiry(java.util.Date.from(expiresAt))
                .secure(SecureContextResolver.isSecureContext(session))
                .httpOnly(true)
                .sameSite(NewCookie.SameSite.LAX)
                .build();
        session.getContext().getHttpResponse().setCookieIfAbsent(cookie);
    }

    /** {@code /realms/{realm}/}, under any relative path Keycloak is served on; as Keycloak's own realm cookies. */
    static String realmPath(KeycloakSession session) {
        return RealmsResource.realmBaseUrl(session.getContext().getUri()).path("/").build(session.getContext().getRealm().getName()).getRawPath();
    }
}
