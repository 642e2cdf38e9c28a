package org.careaccess.testkit;

import java.net.URI;
import java.time.Instant;
import java.util.Locale;

/** One cookie as a browser keeps it, with the attributes tests assert on. */
public record Cookie(String name, String value, String domain, boolean hostOnly, String path, Instant expires,
                     boolean secure, boolean httpOnly, String sameSite, String rawHeader) {

    /** Parses a Set-Cookie header the way browsers do (RFC 6265, plus SameSite). */
    static Cookie parse(String header, URI requestUri, Instant now) {
        String[] parts = header.split(";");
        int eq = parts[0].indexOf('=');
        String name = parts[0].substring(0, eq).trim();
        String value = parts[0].substring(eq + 1).trim();
        String domain = requestUri.getHost();
        boolean hostOnly = true;
        String path = defaultPath(requestUri);
        Instant expires = null;
        boolean secure = false;
        boolean httpOnly = false;
        String sameSite = null;
        for (int i = 1; i < parts.length; i++) {
            String attribute = parts[i].trim();
            int at = attribute.indexOf('=');
            String key = (at < 0 ? attribute : attribute.substring(0, at)).trim().toLowerCase(Locale.ROOT);
            String val = at < 0 ? "" : attribute.substring(at + 1).trim();
            switch (key) {
                case "domain" -> {
                    domain = val.startsWith(".") ? val.substring(1) : val;
                    hostOnly = false;
                }
                case "path" -> path = val.isEmpty() ? "/" : val;
                case "max-age" -> expires = now.plusSeconds(Long.parseLong(val));
                case "expires" -> {
                    if (expires == null) {
                        expires = java.time.ZonedDateTime.parse(val, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                    }
                }
                case "secure" -> secure = true;
                case "httponly" -> httpOnly = true;
                case "samesite" -> sameSite = val;
                default -> {
                }
            }
        }
        return new Cookie(name, value, domain.toLowerCase(Locale.ROOT), hostOnly, path, expires, secure, httpOnly, sameSite, header);
    }

    private static String defaultPath(URI uri) {
        String path = uri.getPath();
        if (path == null || path.isEmpty() || !path.startsWith("/")) {
            return "/";
        }
        int last = path.lastIndexOf('/');
        return last == 0 ? "/" : path.substring(0, last);
    }

    boolean expired(Instant now) {
        return expires != null && !expires.isAfter(now);
    }

    /**
     * Whether a browser sends this cookie to the URI. Browsers treat http://localhost and loopback
     * addresses as secure contexts, so Secure cookies go there over plain HTTP too.
     */
    boolean matches(URI uri) {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        boolean domainMatches = hostOnly ? host.equals(domain) : host.equals(domain) || host.endsWith("." + domain);
        String requestPath = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
        boolean pathMatches = requestPath.equals(path) || requestPath.startsWith(path.endsWith("/") ? path : path + "/");
        boolean secureOk = !secure || "https".equals(uri.getScheme()) || isLoopback(host);
        return domainMatches && pathMatches && secureOk;
    }

    static boolean isLoopback(String host) {
        return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]") || host.endsWith(".localhost");
    }
}
