package org.careaccess.keycloak.issuer;

import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import org.careaccess.keycloak.api.JsonApi;
import org.careaccess.keycloak.events.CareAccessEvents;
import org.careaccess.keycloak.limits.ClusterWideLimit;
import org.careaccess.keycloak.limits.ClusterWideRate;
import org.careaccess.keycloak.link.BirthDates;
import org.careaccess.keycloak.link.LinkCodes;
import org.careaccess.keycloak.link.LinkSettings;
import org.careaccess.keycloak.link.LoginInitiationMapper;
import org.careaccess.keycloak.link.PatientLink;
import org.careaccess.keycloak.link.PatientLinks;
import org.careaccess.keycloak.link.PatientUsers;
import org.careaccess.keycloak.linktext.LinkTextOptions;
import org.careaccess.keycloak.linktext.LinkTexts;
import org.careaccess.keycloak.linktext.NotifyCallback;
import org.careaccess.keycloak.phone.PhoneNumberRules;
import org.careaccess.keycloak.sms.PhoneNumberMask;
import org.jboss.logging.Logger;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocolService;
import org.keycloak.services.Urls;
import org.keycloak.services.managers.AppAuthManager;
import org.keycloak.services.managers.AuthenticationManager.AuthResult;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.urls.UrlType;


/**
 * {@code /realms/{realm}/careaccess}: the issuer API for systems that text patients their links
 * ({@code links}, {@code links/{id}}), and the public endpoint a texted link opens
 * ({@code l/{code}}). Every answer of the API is JSON ({@link JsonApi}); bad input is a 4xx naming the field.
 */
public final class LinkIssuerResource implements RealmResourceProvider {

    /** Realm role a client's service account needs to issue, read and revoke links. */
    public static final String ISSUER_ROLE = "careaccess-link-issuer";

    private static final Logger LOG = Logger.getLogger(LinkIssuerResource.class);

    private final KeycloakSession session;
    /** The calling client, once {@link #refuseUnlessIssuer()} let it in (one instance per request). */
    private String issuerClientId;
    private ClientModel issuer;
    /** The calling client's limits, once {@link #refuseUnlessIssuer()} let it in. */
    private IssuerLimits limits;

    private final LinkTextOptions textOptions;

    LinkIssuerResource(KeycloakSession session, LinkTextOptions textOptions) {
        this.session = session;
        this.textOptions = textOptions;
    }

    @Override
    public Object getResource() {
        return this;
    }

    @POST
    @Path("links")
    public Response issue(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream in) {
        Optional<Response> refused = refuseUnlessIssuer();
        if (refused.isPresent()) {
            return refused.get();
        }
        JsonApi.Body body = JsonApi.read(contentType, in);
        if (body.json().isEmpty()) {
            return body.refusal().response();
        }
        RealmModel realm = session.getContext().getRealm();
        IssueRecord record;
        try {
            record = IssueRecord.read(body.json().get(), PhoneNumberRules.Options.of(realm), BirthDates.today(), false);
        } catch (JsonApi.Invalid e) {
            return e.response();
        }
        String remoteHost = session.getContext().getConnection().getRemoteHost();
        LinkIssuing.Outcome outcome = new LinkIssuing(session, realm, issuerClientId, limits, remoteHost,
                new LinkSettings(session, realm)::linkUrl).issue(record);
        Response answer = JsonApi.json(outcome.status(), outcome.body());
        return outcome.retryAfterSeconds() > 0
                ? Response.fromResponse(answer).header("Retry-After", Long.toString(outcome.retryAfterSeconds())).build()
                : answer;
    }

    /** Up to 1,000 links in one request, one result per record ({@link BatchIssuing}). */
    @POST
    @Path("links/batch")
    public Response issueBatch(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream in) {
        Optional<Response> refused = refuseUnlessIssuer();
        if (refused.isPresent()) {
            return refused.get();
        }
        RealmModel realm = session.getContext().getRealm();
        return new BatchIssuing(session, realm, issuer, new LinkSettings(session, realm)::linkUrl).issue(contentType, in);
    }

    /** The links whose text is in a state, e.g. {@code ?sms=not_delivered&since=...}: the patients not reached. */
    @GET
    @Path("links")
    public Response textedLinks(@QueryParam("sms") String sms, @QueryParam("since") String since, @QueryParam("limit") String limit,
                                @QueryParam("cursor") String cursor) {
        Optional<Response> refused = refuseUnlessIssuer();
        if (refused.isPresent()) {
            return refused.get();
        }
        return TextedLinksList.list(session, session.getContext().getRealm(), sms, since, limit, cursor);
    }

    /** GOV.UK Notify's delivery receipts for the texts CareAccess sent ({@link NotifyCallback}). */
    @POST
    @Path("sms/notify-callback")
    public Response notifyCallback(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                   @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream in) {
        return NotifyCallback.handle(session, session.getContext().getRealm(), textOptions, authorization, contentType, in);
    }

    @GET
    @Path("links/{id}")
    public Response status(@PathParam("id") String id) {
        Optional<Response> refused = refuseUnlessIssuer();
        if (refused.isPresent()) {
            return refused.get();
        }
        return links().byId(id).map(link -> {
                    Map<String, Object> status = describe(link);
                    status.put("sms", new LinkTexts(session, session.getContext().getRealm()).state(link.id())
                            .map(LinkTexts.State::describe).orElse(null));
                    return JsonApi.json(Response.Status.OK, status);
                })
                .orElseGet(LinkIssuerResource::notFound);
    }

    @DELETE
    @Path("links/{id}")
    public Response revoke(@PathParam("id") String id) {
        Optional<Response> refused = refuseUnlessIssuer();
        if (refused.isPresent()) {
            return refused.get();
        }
        return links().revoke(id) ? Response.noContent().build() : notFound();
    }

    /**
     * The texted link: hands the code to the realm's portal client by third-party-initiated login
     * (OpenID Connect Core 4), so the portal starts its own request with state, nonce and PKCE.
     * The flow, not this endpoint, tells the patient when a link does not work, so every link
     * looks the same from outside.
     */
    @GET
    @Path("l/{code}")
    public Response open(@PathParam("code") String code) {
        RealmModel realm = session.getContext().getRealm();
        LinkSettings settings = new LinkSettings(session, realm);
        String link = LinkCodes.isWellFormed(code) ? code : "not-a-link";
        Optional<String> portalPage = settings.redirectUri();
        Optional<String> initiation = settings.directAuthorizationRequest() ? portalPage : settings.loginInitiationUri();
        if (settings.portalClient().isEmpty() || portalPage.isEmpty() || initiation.isEmpty()) {
            LOG.warnf("careaccess: realm %s has no enabled portal client '%s' with a base URL or redirect URI and a %s mapper "
                    + "(realm attributes %s, %s, %s)", realm.getName(), settings.portalClientId(), LoginInitiationMapper.PROVIDER_ID,
                    LinkSettings.PORTAL_CLIENT_ID, LinkSettings.REDIRECT_URI, LinkSettings.DIRECT_AUTHORIZATION_REQUEST);
            return JsonApi.error(Response.Status.NOT_FOUND, "not_found", null, "This link service is not set up");
        }
        URI base = session.getContext().getUri(UrlType.FRONTEND).getBaseUri();
        URI next = settings.directAuthorizationRequest()
                ? OIDCLoginProtocolService.authUrl(UriBuilder.fromUri(base))
                        .queryParam("client_id", settings.portalClientId())
                        .queryParam("redirect_uri", portalPage.get())
                        .queryParam("response_type", "code")
                        .queryParam("scope", "openid")
                        .queryParam(LinkCodes.PARAMETER, link)
                        .build(realm.getName())
                : UriBuilder.fromUri(initiation.get())
                        .queryParam("iss", Urls.realmIssuer(base, realm.getName()))
                        .queryParam("target_link_uri", portalPage.get())
                        .queryParam(LinkCodes.PARAMETER, link)
                        .build();
        return Response.status(Response.Status.FOUND).location(next)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Referrer-Policy", "no-referrer")
                .build();
    }

    private Optional<Response> refuseUnlessIssuer() {
        AuthResult auth;
        try {
            auth = new AppAuthManager.BearerTokenAuthenticator(session).authenticate();
        } catch (WebApplicationException e) {
            auth = null;
        }
        if (auth == null) {
            return Optional.of(Response.fromResponse(JsonApi.error(Response.Status.UNAUTHORIZED, "unauthorized", null,
                    "A bearer access token of this realm is required")).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build());
        }
        RoleModel role = session.getContext().getRealm().getRole(ISSUER_ROLE);
        UserModel caller = auth.user();
        if (role == null || caller.getServiceAccountClientLink() == null || !caller.hasRole(role)) {
            return Optional.of(JsonApi.error(Response.Status.FORBIDDEN, "forbidden", null,
                    "Only a client whose service account has the realm role " + ISSUER_ROLE + " may do this"));
        }
        limits = new IssuerLimits(session, session.getContext().getRealm(), auth.client());
        ClusterWideRate requests = limits.requests();
        if (!requests.tryTake()) {
            return Optional.of(rateLimited(requests.secondsToNextWindow(), "Too many requests from this client: slow down"));
        }
        issuer = auth.client();
        issuerClientId = issuer.getClientId();
        return Optional.empty();
    }

    private static Response rateLimited(long retryAfterSeconds, String message) {
        return Response.fromResponse(JsonApi.error(Response.Status.TOO_MANY_REQUESTS, "rate_limited", null, message))
                .header("Retry-After", Long.toString(retryAfterSeconds)).build();
    }

    private PatientLinks links() {
        return new PatientLinks(session, session.getContext().getRealm());
    }

    private static Map<String, Object> describe(PatientLink link) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("id", link.id());
        status.put("patientId", link.userId());
        status.put("purpose", link.purpose().value());
        status.put("resource", link.resource());
        Instant now = Instant.now();
        status.put("status", link.status(now).name().toLowerCase(java.util.Locale.ROOT));
        status.put("lockedUntil", link.lockedUntil(now).map(Instant::toString).orElse(null));
        status.put("createdAt", link.createdAt().toString());
        status.put("expiresAt", link.expiresAt().toString());
        status.put("revokedAt", link.revokedAt() == null ? null : link.revokedAt().toString());
        status.put("mobile", PhoneNumberMask.mask(link.mobile()));
        status.put("trustedDevice", link.device().map(device -> {
            Map<String, Object> bound = new LinkedHashMap<>();
            bound.put("boundAt", device.boundAt() == null ? null : device.boundAt().toString());
            bound.put("boundBy", device.boundBy() == null ? null : device.boundBy().value());
            return bound;
        }).orElse(null));
        return status;
    }

    private static Response notFound() {
        return JsonApi.error(Response.Status.NOT_FOUND, "not_found", null, "No such link in this realm");
    }

    @Override
    public void close() {
    }
}
