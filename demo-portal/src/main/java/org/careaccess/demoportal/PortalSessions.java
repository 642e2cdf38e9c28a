package org.careaccess.demoportal;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpExchange;

/**
 * The portal's own sessions, one per browser, behind an HttpOnly SameSite=Lax cookie scoped to the
 * realm's path. In memory: the demo portal is one process, and a restart simply signs everyone out.
 */
final class PortalSessions {

    /** One browser's session: the request it has in flight, then who signed in. */
    static final class Session {
        volatile RelyingParty.Pending pending;
        volatile RelyingParty.SignedIn signedIn;
    }

    private static final String COOKIE = "careaccess_demo_portal";
    private static final int MAX_SESSIONS = 10_000;

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final String path;

    PortalSessions(String path) {
        this.path = path;
    }

    /** This browser's session, if its cookie names one. */
    Session find(HttpExchange exchange) {
        String id = cookie(exchange);
        return id == null ? null : sessions.get(id);
    }

    /** This browser's session, a new one (and its cookie) if it has none. */
    Session findOrStart(HttpExchange exchange) {
        Session session = find(exchange);
        if (session != null) {
            return session;
        }
        if (sessions.size() >= MAX_SESSIONS) {
            sessions.clear();
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        session = new Session();
        sessions.put(id, session);
        exchange.getResponseHeaders().add("Set-Cookie", COOKIE + "=" + id + "; Path=" + path + "; HttpOnly; SameSite=Lax");
        return session;
    }

    void end(HttpExchange exchange) {
        String id = cookie(exchange);
        if (id != null) {
            sessions.remove(id);
        }
        exchange.getResponseHeaders().add("Set-Cookie", COOKIE + "=; Path=" + path + "; Max-Age=0; HttpOnly; SameSite=Lax");
    }

    private static String cookie(HttpExchange exchange) {
        for (String header : exchange.getRequestHeaders().getOrDefault("Cookie", java.util.List.of())) {
            for (String pair : header.split(";")) {
                String[] parts = pair.trim().split("=", 2);
                if (parts.length == 2 && parts[0].equals(COOKIE)) {
                    return parts[1];
                }
            }
        }
        return null;
    }
}
