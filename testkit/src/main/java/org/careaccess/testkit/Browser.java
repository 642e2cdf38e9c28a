package org.careaccess.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A scripted browser: keeps cookies like a browser (Secure cookies go to loopback over HTTP, as in
 * Chromium and Firefox), follows redirects inside the origins it is told to, and stops at any
 * other redirect, such as the one that carries the authorization code back to a client.
 */
public final class Browser {

    private static final int MAX_REDIRECTS = 20;

    private final HttpClient http;
    private final List<Cookie> cookies = new CopyOnWriteArrayList<>();
    private final Predicate<URI> follow;
    private String acceptLanguage = "en-GB,en;q=0.8";

    /** Follows redirects to any URI starting with one of these origins, e.g. the server's URL. */
    public Browser(String... followOrigins) {
        this(within(followOrigins));
    }

    public Browser(Predicate<URI> follow) {
        this(newHttpClient(), follow);
    }

    /**
     * A browser with its own cookies on a shared HTTP client (its connection pool and threads),
     * as a load driver runs thousands of browsers. The client must not follow redirects.
     */
    public Browser(HttpClient http, Predicate<URI> follow) {
        this.follow = follow;
        this.http = http;
    }

    /** A client as {@link Browser} needs it: redirects are followed by the browser itself. */
    public static HttpClient newHttpClient() {
        // HTTP/1.1 as browsers speak it over plain http (they never upgrade to h2c).
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** Follows redirects to any URI starting with one of these origins. */
    public static Predicate<URI> within(String... origins) {
        return uri -> {
            String target = uri.toString();
            for (String origin : origins) {
                // http://localhost:4000 is not within http://localhost:400.
                if (target.startsWith(origin) && (target.length() == origin.length() || origin.endsWith("/")
                        || "/?#".indexOf(target.charAt(origin.length())) >= 0)) {
                    return true;
                }
            }
            return false;
        };
    }

    public Browser acceptLanguage(String value) {
        this.acceptLanguage = value;
        return this;
    }

    public Page open(String url) {
        return open(URI.create(url));
    }

    public Page open(URI uri) {
        return followRedirects(send(HttpRequest.newBuilder(uri).GET(), uri));
    }

    public Page post(URI uri, List<Map.Entry<String, String>> fields) {
        String body = fields.stream()
                .map(f -> encode(f.getKey()) + "=" + encode(f.getValue()))
                .collect(Collectors.joining("&"));
        return postRaw(uri, "application/x-www-form-urlencoded", body);
    }

    /** A POST with any content type and body, as a hostile or broken client might send. */
    public Page postRaw(URI uri, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return followRedirects(send(request, uri));
    }

    /** Any method, e.g. PUT or DELETE on a form endpoint. */
    public Page request(String method, URI uri) {
        return followRedirects(send(HttpRequest.newBuilder(uri).method(method, HttpRequest.BodyPublishers.noBody()), uri));
    }

    private Page followRedirects(Page page) {
        Page current = page;
        for (int i = 0; i < MAX_REDIRECTS && current.isRedirect(); i++) {
            URI next = current.location();
            if (!follow.test(next)) {
                return current;
            }
            current = send(HttpRequest.newBuilder(next).GET(), next);
        }
        return current;
    }

    private Page send(HttpRequest.Builder request, URI uri) {
        request.timeout(Duration.ofSeconds(60)).header("Accept-Language", acceptLanguage)
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8");
        String cookieHeader = cookiesFor(uri);
        if (!cookieHeader.isEmpty()) {
            request.header("Cookie", cookieHeader);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            store(response);
            return new Page(this, uri, response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException("request to " + uri + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void store(HttpResponse<String> response) {
        Instant now = Instant.now();
        for (String header : response.headers().allValues("Set-Cookie")) {
            Cookie cookie = Cookie.parse(header, response.uri(), now);
            cookies.removeIf(c -> c.name().equals(cookie.name()) && c.domain().equals(cookie.domain()) && c.path().equals(cookie.path()));
            if (!cookie.expired(now)) {
                cookies.add(cookie);
            }
        }
    }

    private String cookiesFor(URI uri) {
        Instant now = Instant.now();
        cookies.removeIf(c -> c.expired(now));
        return cookies.stream()
                .filter(c -> c.matches(uri))
                .sorted((a, b) -> b.path().length() - a.path().length())
                .map(c -> c.name() + "=" + c.value())
                .collect(Collectors.joining("; "));
    }

    public Optional<Cookie> cookie(String name) {
        return cookies.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public List<Cookie> cookies() {
        return new ArrayList<>(cookies);
    }

    /** Puts a cookie into the jar by hand, e.g. a copy of another browser's device cookie. */
    public void addCookie(Cookie cookie) {
        cookies.removeIf(c -> c.name().equals(cookie.name()) && c.domain().equals(cookie.domain()) && c.path().equals(cookie.path()));
        cookies.add(cookie);
    }

    public void removeCookie(String name) {
        cookies.removeIf(c -> c.name().equals(name));
    }

    /** Forgets every cookie: a new browser on the same machine. */
    public void clearCookies() {
        cookies.clear();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
