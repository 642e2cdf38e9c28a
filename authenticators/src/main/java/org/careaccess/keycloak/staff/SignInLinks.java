package org.careaccess.keycloak.staff;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.careaccess.keycloak.limits.ClusterWideLimit;
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
 */
final class SignInLinks {

    /** The auth note the link endpoint leaves for the sign-in step: the user the link proved. */
    static final String CONFIRMED_USER_NOTE = "careaccess.signInLink.user";

    private static final String PREFIX = "careaccess:signin-link:";
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();
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
    static boolean withinLimits(KeycloakSession session, RealmModel realm, String stepId, String ip, String address,
                                SignInLinkPolicy policy) {
        SingleUseObjectProvider store = session.singleUseObjects();
        ClusterWideLimit perIp = new ClusterWideLimit(store,
                "careaccess:signin-links-ip:" + realm.getId() + ":" + stepId + ":" + sha256(ip), policy.maxPerIpPerHour(), HOUR);
        if (perIp.tryTake().isEmpty()) {
            return false;
        }
        ClusterWideLimit perAddress = new ClusterWideLimit(store,
                "careaccess:signin-links-to:" + realm.getId() + ":" + sha256(address.toLowerCase(Locale.ROOT)), policy.maxPerAddressPerHour(), HOUR);
        return perAddress.tryTake().isPresent();
    }

    /** A new link for this user, bound to this browser's sign-in; returns the secret part of the URL. */
    static String issue(KeycloakSession session, RealmModel realm, UserModel user, AuthenticationSessionModel authSession,
                        SignInLinkPolicy policy) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        session.singleUseObjects().put(key(realm, token), policy.lifetimeSeconds(), Map.of(
                USER, user.getId(),
                ROOT, authSession.getParentSession().getId(),
                CLIENT, authSession.getClient().getId(),
                TAB, authSession.getTabId()));
        return token;
    }

    static URI url(KeycloakSession session, RealmModel realm, String token) {
        return session.getContext().getUri().getBaseUriBuilder()
                .path("realms").path(realm.getName()).path(SignInLinkResourceFactory.PROVIDER_ID).path("link").path(token)
                .build();
    }

    /** Opens a link in the browser of the current request. */
    static Opened open(KeycloakSession session, RealmModel realm, String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
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
        return PREFIX + realm.getId() + ":" + sha256(token);
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
