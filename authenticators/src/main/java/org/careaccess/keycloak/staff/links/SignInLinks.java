package org.careaccess.keycloak.staff.links;

import java.net.URI;
import java.util.Locale;
import java.util.Map;

import org.careaccess.keycloak.limits.ClusterWideLimit;
import org.careaccess.keycloak.secrets.Secrets;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.SingleUseObjectProvider;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.AuthenticationSessionManager;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.sessions.RootAuthenticationSessionModel;

/**
 * Emailed sign-in links. A link carries 256 random bits; the server keeps only their SHA-256, in
 * Keycloak's single-use store (shared by every node), with the user and the sign-in it belongs
 * to: this browser's authentication session. Opening a link first checks that the browser
 * presenting it holds that session's (signed) cookie, and only then uses the link up, so a mail
 * scanner or another device can neither sign in with it nor burn it.
 *
 * <p>Not one of Keycloak's action tokens (the signed JWTs behind its "execute actions" and
 * "verify email" mails): an action token opened in another browser starts or takes over a sign-in
 * there, while this link must be checked against the browser that asked for it <em>before</em> it
 * is used up, and stay usable when the check fails. Its state lives in the cluster-wide single-use
 * store (one of two racing requests wins the {@code remove}), which also keeps the link 43
 * characters long instead of a JWT of several hundred.
 */
public final class SignInLinks {

    /** The auth note the link endpoint leaves for the sign-in step: the user the link proved. */
    public static final String CONFIRMED_USER_NOTE = "careaccess.signInLink.user";

    private static final String PREFIX = "careaccess:signin-link:";
    private static final int TOKEN_BYTES = 32;
    private static final long HOUR = 3600;

    private static final String USER = "user";
    private static final String ROOT = "root";
    private static final String CLIENT = "client";
    private static final String TAB = "tab";

    /** What opening a link found. */
    enum Outcome {
        /** This browser's sign-in continues; the link is used up. */
        CONTINUE,
        /** No such link: never issued, expired, or used already. */
        UNKNOWN_OR_USED,
        /** Another browser (or none) holds the sign-in; nothing was used up. */
        OTHER_BROWSER,
        /** This browser asked for it, but its sign-in has ended (expired or restarted); nothing was used up. */
        SIGN_IN_ENDED
    }

    record Opened(Outcome outcome, AuthenticationSessionModel authSession) {
    }

    private SignInLinks() {
    }

    /**
     * Takes one allowance from the per-IP and the per-address hourly limits; false when either is
     * used up. Unknown addresses count like known ones, so the limit reveals nothing.
     */
    public static boolean withinLimits(KeycloakSession session, RealmModel realm, String stepId, String ip, String address,
                                SignInLinkPolicy policy) {
        SingleUseObjectProvider store = session.singleUseObjects();
        ClusterWideLimit perIp = new ClusterWideLimit(store,
                "careaccess:signin-links-ip:" + realm.getId() + ":" + stepId + ":" + Secrets.sha256Hex(ip), policy.maxPerIpPerHour(), HOUR);
        if (perIp.tryTake().isEmpty()) {
            return false;
        }
        ClusterWideLimit perAddress = new ClusterWideLimit(store,
                "careaccess:signin-links-to:" + realm.getId() + ":" + Secrets.sha256Hex(address.toLowerCase(Locale.ROOT)), policy.maxPerAddressPerHour(), HOUR);
        return perAddress.tryTake().isPresent();
    }

    /** A new link for this user, bound to this browser's sign-in; returns the secret part of the URL. */
    public static String issue(KeycloakSession session, RealmModel realm, UserModel user, AuthenticationSessionModel authSession,
                        SignInLinkPolicy policy) {
        String token = Secrets.newToken(TOKEN_BYTES);
        session.singleUseObjects().put(key(realm, token), policy.lifetimeSeconds(), Map.of(
                USER, user.getId(),
                ROOT, authSession.getParentSession().getId(),
                CLIENT, authSession.getClient().getId(),
                TAB, authSession.getTabId()));
        return token;
    }

    public static URI url(KeycloakSession session, RealmModel realm, String token) {
        return session.getContext().getUri().getBaseUriBuilder()
                .path("realms").path(realm.getName()).path(SignInLinkResourceFactory.PROVIDER_ID).path("link").path(token)
                .build();
    }

    /** Opens a link in the browser of the current request. */
    static Opened open(KeycloakSession session, RealmModel realm, String token) {
        if (!Secrets.isToken(token, TOKEN_BYTES)) {
            return new Opened(Outcome.UNKNOWN_OR_USED, null);
        }
        SingleUseObjectProvider store = session.singleUseObjects();
        String key = key(realm, token);
        Map<String, String> link = store.get(key);
        if (link == null) {
            return new Opened(Outcome.UNKNOWN_OR_USED, null);
        }
        RootAuthenticationSessionModel root = new AuthenticationSessionManager(session).getCurrentRootAuthenticationSession(realm);
        if (root == null || !root.getId().equals(link.get(ROOT))) {
            return new Opened(Outcome.OTHER_BROWSER, null);
        }
        ClientModel client = realm.getClientById(link.get(CLIENT));
        AuthenticationSessionModel authSession = client == null ? null : root.getAuthenticationSession(client, link.get(TAB));
        if (authSession == null) {
            return new Opened(Outcome.SIGN_IN_ENDED, null);
        }
        // Single use: of two requests racing with one link, only the one that removes it goes on.
        if (store.remove(key) == null) {
            return new Opened(Outcome.UNKNOWN_OR_USED, null);
        }
        authSession.setAuthNote(CONFIRMED_USER_NOTE, link.get(USER));
        return new Opened(Outcome.CONTINUE, authSession);
    }

    private static String key(RealmModel realm, String token) {
        return PREFIX + realm.getId() + ":" + Secrets.sha256Hex(token);
    }
}
