package org.careaccess.demoportal;

import java.util.List;
import java.util.Map;

/** The portal's HTML: a plain, responsive page; every value from a token is escaped. */
final class PortalPages {

    private static final String STYLE = "body{font-family:Arial,sans-serif;margin:0;color:#212b32;background:#f0f4f5}"
            + "header{background:#005eb8;color:#fff;padding:16px}header p{margin:0;font-weight:bold;font-size:1.2em}"
            + "main{max-width:960px;margin:0 auto;padding:16px}h1{font-size:2em;margin:16px 0}"
            + "dl{background:#fff;padding:16px;margin:0 0 24px}dt{font-weight:bold;margin-top:12px}dt:first-child{margin-top:0}"
            + "dd{margin:4px 0 0;overflow-wrap:anywhere}a{color:#005eb8}.button{display:inline-block;background:#007f3b;color:#fff;"
            + "border:0;padding:12px 16px;font-size:1em;text-decoration:none;cursor:pointer;margin:0 16px 16px 0}"
            + ".secondary{background:#4c6272}";

    private PortalPages() {
    }

    static String page(String portalName, String title, String body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + escape(title) + " - " + escape(portalName) + "</title><style>" + STYLE + "</style></head><body>"
                + "<header><p>" + escape(portalName) + " (CareAccess demo)</p></header><main>"
                + "<h1>" + escape(title) + "</h1>" + body + "</main></body></html>";
    }

    /** A definition list of (label, value) rows, {@code id}s on the values for tests and scripts. */
    static String facts(List<Map.Entry<String, String>> rows, List<String> ids) {
        StringBuilder html = new StringBuilder("<dl>");
        for (int i = 0; i < rows.size(); i++) {
            html.append("<dt>").append(escape(rows.get(i).getKey())).append("</dt><dd id=\"").append(ids.get(i)).append("\">")
                    .append(escape(rows.get(i).getValue())).append("</dd>");
        }
        return html.append("</dl>").toString();
    }

    static String paragraph(String text) {
        return "<p>" + escape(text) + "</p>";
    }

    static String link(String id, String href, String text) {
        return "<a id=\"" + id + "\" class=\"button\" href=\"" + escape(href) + "\">" + escape(text) + "</a>";
    }

    static String postButton(String id, String action, String text) {
        return "<form method=\"post\" action=\"" + escape(action) + "\" style=\"display:inline\">"
                + "<button id=\"" + id + "\" class=\"button secondary\" type=\"submit\">" + escape(text) + "</button></form>";
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
