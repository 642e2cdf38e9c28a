package org.careaccess.keycloak.issuer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.core.Response;

import org.careaccess.keycloak.api.JsonApi;
import org.careaccess.keycloak.link.PatientLink;
import org.careaccess.keycloak.link.PatientLinks;
import org.careaccess.keycloak.linktext.LinkTexts;
import org.careaccess.keycloak.linktext.TextState;
import org.careaccess.keycloak.sms.PhoneNumberMask;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * {@code GET links?sms=not_delivered&since=...&limit=...&cursor=...}: the links whose text is in that
 * state (e.g. the patients a practice could not reach), oldest change first, a page at a time; numbers
 * masked. The last page has no {@code nextCursor}.
 */
public final class TextedLinksList {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    private TextedLinksList() {
    }

    public static Response list(KeycloakSession session, RealmModel realm, String sms, String since, String limitParam, String cursor) {
        Optional<TextState> state = sms == null ? Optional.empty() : TextState.of(sms).filter(s -> s != TextState.SENDING);
        if (state.isEmpty()) {
            return JsonApi.error(Response.Status.BAD_REQUEST, "invalid_request", "sms",
                    "sms must be one of queued, sent, failed, delivered, not_delivered");
        }
        Instant from;
        try {
            from = since == null ? Instant.EPOCH : Instant.parse(since);
        } catch (DateTimeParseException e) {
            return JsonApi.error(Response.Status.BAD_REQUEST, "invalid_request", "since", "since must be an instant such as 2026-01-31T00:00:00Z");
        }
        int limit;
        try {
            limit = limitParam == null ? DEFAULT_LIMIT : Integer.parseInt(limitParam);
        } catch (NumberFormatException e) {
            limit = -1;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            return JsonApi.error(Response.Status.BAD_REQUEST, "invalid_request", "limit", "limit must be a whole number from 1 to " + MAX_LIMIT);
        }
        long afterAt = -1;
        String afterId = "";
        if (cursor != null) {
            Optional<String[]> position = decode(cursor);
            if (position.isEmpty()) {
                return JsonApi.error(Response.Status.BAD_REQUEST, "invalid_request", "cursor", "cursor must be a nextCursor of an earlier page");
            }
            afterAt = Long.parseLong(position.get()[0]);
            afterId = position.get()[1];
        }
        List<LinkTexts.Listed> page = new LinkTexts(session, realm).inState(state.get(), from, afterAt, afterId, limit + 1);
        boolean more = page.size() > limit;
        List<LinkTexts.Listed> shown = more ? page.subList(0, limit) : page;
        PatientLinks links = new PatientLinks(session, realm);
        List<Map<String, Object>> items = new ArrayList<>(shown.size());
        for (LinkTexts.Listed text : shown) {
            Optional<PatientLink> link = links.byId(text.linkId());
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", text.linkId());
            item.put("patientId", link.map(PatientLink::userId).orElse(null));
            item.put("mobile", link.map(l -> PhoneNumberMask.mask(l.mobile())).orElse(null));
            item.put("sms", new LinkTexts.State(text.state(), text.reason(), text.at()).describe());
            items.add(item);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("links", items);
        LinkTexts.Listed last = shown.isEmpty() ? null : shown.get(shown.size() - 1);
        answer.put("nextCursor", more ? encode(last.at().toEpochMilli(), last.linkId()) : null);
        return JsonApi.json(Response.Status.OK, answer);
    }

    private static String encode(long at, String linkId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((at + ":" + linkId).getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<String[]> decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":", 2);
            if (parts.length != 2 || parts[1].length() > 36) {
                return Optional.empty();
            }
            Long.parseLong(parts[0]);
            return Optional.of(parts);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
