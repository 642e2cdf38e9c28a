package org.careaccess.keycloak.staff.links;

import java.net.URI;
import java.util.regex.Pattern;

import org.careaccess.keycloak.events.CareAccessEvents;
import org.keycloak.authentication.AuthenticationProcessor;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resources.LoginActionsService;
import org.keycloak.sessions.AuthenticationSessionModel;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Opens an emailed sign-in link: in the browser that asked for it, the sign-in continues (to the
 * two-factor step); anywhere else a page says so and the link stays usable; an unknown, expired or
 * used link gets a page saying to ask for a new one.
 */
final class SignInLinkResource implements RealmResourceProvider {

    /** Where a malformed link code is sent: a code that is never issued (issued ones are 43 characters). */
    static final String NOT_A_LINK = "not-a-link";
    private static final Pattern URL_SAFE = Pattern.compile("[A-Za-z0-9_-]+");

    private final KeycloakSession session;

    SignInLinkResource(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public Object getResource() {
        return this;
    }

    @GET
    @Path("link/{code}")
    @Produces(MediaType.TEXT_HTML)
    public Response open(@PathParam("code") String code) {
        RealmModel realm = session.getContext().getRealm();
        if (!isUrlSafe(code)) {
            // A page rendered at this request's URI builds links from it (the language switch), and
            // Keycloak's UriBuilder fails on characters such as "{" with a 500. Links only ever hold
            // URL-safe base64, so such a code is unknown: show that page at a plain URI.
            return Response.status(Response.Status.FOUND).location(SignInLinks.url(session, realm, NOT_A_LINK))
                    .header("Cache-Control", "no-store").build();
        }
        SignInLinks.Opened opened = SignInLinks.open(session, realm, code);
        EventBuilder event = new EventBuilder(realm, session, session.getContext().getConnection())
                .event(EventType.LOGIN).detail(CareAccessEvents.STEP, "signin_link");
        return switch (opened.outcome()) {
            case CONTINUE -> continueSignIn(realm, opened.authSession());
            case OTHER_BROWSER -> {
                event.detail(CareAccessEvents.REASON, "other_browser").error("careaccess_signin_link_other_browser");
                yield page("sign-in-link-other-browser", Response.Status.FORBIDDEN);
            }
            case SIGN_IN_ENDED -> {
                event.detail(CareAccessEvents.REASON, "sign_in_ended").error("careaccess_signin_link_invalid");
                yield page("sign-in-link-invalid", Response.Status.GONE);
            }
            case UNKNOWN_OR_USED -> {
                event.detail(CareAccessEvents.REASON, "unknown_expired_or_used").error("careaccess_signin_link_invalid");
                yield page("sign-in-link-invalid", Response.Status.GONE);
            }
        };
    }

    /** Back into the sign-in flow of this browser, which now sees the proven user. */
    private Response continueSignIn(RealmModel realm, AuthenticationSessionModel authSession) {
        URI next = LoginActionsService.loginActionsBaseUrl(session.getContext().getUri())
                .path(LoginActionsService.AUTHENTICATE_PATH)
                .queryParam(Constants.CLIENT_ID, authSession.getClient().getClientId())
                .queryParam(Constants.TAB_ID, authSession.getTabId())
                .queryParam(Constants.CLIENT_DATA, AuthenticationProcessor.getClientData(session, authSession))
                .build(realm.getName());
        return Response.status(Response.Status.FOUND).location(next).header("Cache-Control", "no-store").build();
    }

    private Response page(String name, Response.Status status) {
        Response page = session.getProvider(LoginFormsProvider.class)
                .setAttribute("careaccessPage", name)
                .setStatus(status)
                .createForm("careaccess-signin-link-invalid.ftl");
        return Response.fromResponse(page).header("Cache-Control", "no-store").build();
    }

    static boolean isUrlSafe(String code) {
        return code != null && URL_SAFE.matcher(code).matches();
    }

    @Override
    public void close() {
    }
}
