package org.careaccess.testkit;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** What a browser ends up with after a request: a page, or a redirect out of Keycloak. */
public final class Page {

    private final Browser browser;
    private final URI uri;
    private final int status;
    private final HttpHeaders headers;
    private final String body;
    private Document document;

    Page(Browser browser, URI uri, int status, HttpHeaders headers, String body) {
        this.browser = browser;
        this.uri = uri;
        this.status = status;
        this.headers = headers;
        this.body = body;
    }

    public URI uri() {
        return uri;
    }

    public int status() {
        return status;
    }

    public HttpHeaders headers() {
        return headers;
    }

    public String body() {
        return body;
    }

    public Document document() {
        if (document == null) {
            document = Jsoup.parse(body, uri.toString());
        }
        return document;
    }

    /** The stable screen name in {@code <body data-careaccess-page>}, or null on other pages. */
    public String careaccessPage() {
        String name = document().body().attr("data-careaccess-page");
        return name.isEmpty() ? null : name;
    }

    public boolean isRedirect() {
        return status >= 300 && status < 400;
    }

    /** Where a redirect out of Keycloak points (e.g. a client's redirect URI with the code). */
    public URI location() {
        return headers.firstValue("Location").map(uri::resolve).orElseThrow(() -> new AssertionError("not a redirect: " + status));
    }

    /** A query parameter of the redirect location. */
    public String locationParameter(String name) {
        return query(location()).get(name);
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                parameters.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return parameters;
    }

    public String title() {
        return document().title();
    }

    public String heading() {
        Element h1 = document().selectFirst("h1");
        return h1 == null ? null : h1.text();
    }

    /** Visible text of the main content. */
    public String text() {
        Element main = document().selectFirst("main");
        return (main == null ? document().body() : main).text();
    }

    /** The texts of the error summary's entries, empty when there is none. */
    public List<String> errors() {
        return document().select(".nhsuk-error-summary__list li").eachText();
    }

    public Form form() {
        Element form = document().selectFirst("form[method=post]");
        if (form == null) {
            throw new AssertionError("no form on " + uri + " (" + careaccessPage() + "):\n" + text());
        }
        return new Form(browser, this, form);
    }

    public Form form(String cssSelector) {
        Element form = document().selectFirst(cssSelector);
        if (form == null) {
            throw new AssertionError("no form " + cssSelector + " on " + uri);
        }
        return new Form(browser, this, form);
    }

    @Override
    public String toString() {
        return status + " " + uri + (careaccessPage() != null ? " [" + careaccessPage() + "]" : "");
    }
}
