package org.careaccess.testkit;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Element;

/** A form on a page, filled in and submitted the way a browser submits it. */
public final class Form {

    private final Browser browser;
    private final Page page;
    private final Element element;
    private final List<Map.Entry<String, String>> fields = new ArrayList<>();

    Form(Browser browser, Page page, Element element) {
        this.browser = browser;
        this.page = page;
        this.element = element;
        for (Element input : element.select("input[name]")) {
            String type = input.attr("type").toLowerCase();
            if (type.equals("submit") || type.equals("button") || type.equals("image")) {
                continue;
            }
            if ((type.equals("checkbox") || type.equals("radio")) && !input.hasAttr("checked")) {
                continue;
            }
            fields.add(Map.entry(input.attr("name"), input.val()));
        }
    }

    /** Sets a field, replacing whatever value it had. */
    public Form set(String name, String value) {
        fields.removeIf(field -> field.getKey().equals(name));
        fields.add(Map.entry(name, value));
        return this;
    }

    /** Adds a value without replacing others: a repeated field, as a hostile client might send. */
    public Form add(String name, String value) {
        fields.add(Map.entry(name, value));
        return this;
    }

    public Form remove(String name) {
        fields.removeIf(field -> field.getKey().equals(name));
        return this;
    }

    public boolean has(String name) {
        return element.selectFirst("[name=" + name + "]") != null;
    }

    public Element element() {
        return element;
    }

    public URI action() {
        String action = element.attr("action");
        return action.isEmpty() ? page.uri() : page.uri().resolve(action);
    }

    /** Submits with the form's first submit button, as pressing Enter does. */
    public Page submit() {
        Element button = element.selectFirst("button[type=submit], button:not([type]), input[type=submit]");
        List<Map.Entry<String, String>> sent = new ArrayList<>(fields);
        if (button != null && button.hasAttr("name")) {
            sent.add(Map.entry(button.attr("name"), button.attr("value")));
        }
        return browser.post(action(), sent);
    }

    /** Submits with the submit button of this name (e.g. {@code resend}). */
    public Page submit(String buttonName) {
        Element button = element.selectFirst("button[name=" + buttonName + "], input[type=submit][name=" + buttonName + "]");
        if (button == null) {
            throw new AssertionError("no button named " + buttonName + " in form " + element.outerHtml());
        }
        List<Map.Entry<String, String>> sent = new ArrayList<>(fields);
        sent.add(Map.entry(buttonName, button.attr("value")));
        return browser.post(action(), sent);
    }
}
