package org.careaccess.demoportal;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationErrorResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.AuthenticationSuccessResponse;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;

/**
 * The OpenID Connect side of one realm's portal, all through the Nimbus SDK: the realm's metadata
 * (discovery), authorization requests with state, nonce and PKCE S256, and the callback: state
 * and issuer checked, the code redeemed with the verifier, the ID token's signature (the realm's
 * JWKS), issuer, audience, expiry and nonce verified.
 */
final class RelyingParty {

    /** What the portal remembers of a request it sent, until its callback. */
    record Pending(State state, Nonce nonce, CodeVerifier verifier) {
    }

    /** A sign-in the callback verified. */
    record SignedIn(IDTokenClaimsSet claims, String idToken) {
    }

    /** A callback the portal refuses; {@code reason} is safe to show. */
    static final class Refused extends Exception {
        Refused(String reason) {
            super(reason);
        }
    }

    private final Issuer issuer;
    private final ClientID clientId;
    private final Secret secret;
    private final URI callback;
    private volatile OIDCProviderMetadata metadata;
    private volatile IDTokenValidator validator;

    RelyingParty(String issuer, PortalRealm realm, String base) {
        this.issuer = new Issuer(issuer);
        this.clientId = new ClientID(realm.clientId());
        this.secret = new Secret(realm.clientSecret());
        this.callback = URI.create(base + "/callback");
    }

    Issuer issuer() {
        return issuer;
    }

    /** A new request: its state, nonce and verifier (to keep), and where to send the browser. */
    Map.Entry<Pending, URI> authorizationRequest(Map<String, String> extraParameters) throws Refused {
        Pending pending = new Pending(new State(), new Nonce(), new CodeVerifier());
        AuthenticationRequest.Builder request = new AuthenticationRequest.Builder(ResponseType.CODE, new Scope("openid"), clientId, callback)
                .endpointURI(metadata().getAuthorizationEndpointURI())
                .state(pending.state())
                .nonce(pending.nonce())
                .codeChallenge(pending.verifier(), CodeChallengeMethod.S256);
        extraParameters.forEach(request::customParameter);
        return Map.entry(pending, request.build().toURI());
    }

    /** The callback {@code uri} of the request {@code pending} (null: this browser sent none). */
    SignedIn callback(URI uri, Pending pending) throws Refused {
        AuthenticationResponse response;
        try {
            response = AuthenticationResponseParser.parse(uri);
        } catch (ParseException e) {
            throw new Refused("The sign-in response is not valid.");
        }
        // Login cross-site request forgery (RFC 9700 4.7): only the answer to this browser's own request counts.
        if (pending == null || !pending.state().equals(response.getState())) {
            throw new Refused("This sign-in was not started in this browser (the state does not match).");
        }
        if (response.getIssuer() != null && !issuer.equals(response.getIssuer())) {
            throw new Refused("The sign-in response comes from another issuer.");
        }
        if (!response.indicatesSuccess()) {
            ErrorObject error = ((AuthenticationErrorResponse) response).getErrorObject();
            throw new Refused("Sign-in did not finish: " + error.getCode());
        }
        AuthenticationSuccessResponse success = response.toSuccessResponse();
        try {
            TokenRequest request = new TokenRequest(metadata().getTokenEndpointURI(), new ClientSecretBasic(clientId, secret),
                    new AuthorizationCodeGrant(success.getAuthorizationCode(), callback, pending.verifier()));
            TokenResponse tokens = OIDCTokenResponseParser.parse(request.toHTTPRequest().send());
            if (!tokens.indicatesSuccess()) {
                throw new Refused("The code was not accepted: " + ((TokenErrorResponse) tokens).getErrorObject().getCode());
            }
            var idToken = ((OIDCTokenResponse) tokens.toSuccessResponse()).getOIDCTokens().getIDToken();
            return new SignedIn(validator().validate(idToken, pending.nonce()), idToken.serialize());
        } catch (BadJOSEException | JOSEException e) {
            throw new Refused("The ID token did not verify.");
        } catch (ParseException | IOException e) {
            throw new Refused("The realm's token endpoint did not answer as expected.");
        }
    }

    /** RP-initiated logout at the realm, back to {@code afterLogout}. */
    URI logout(String idToken, URI afterLogout) throws Refused {
        try {
            return new LogoutRequest(metadata().getEndSessionEndpointURI(), com.nimbusds.jwt.JWTParser.parse(idToken), afterLogout, null)
                    .toURI();
        } catch (java.text.ParseException e) {
            throw new Refused("The session's ID token cannot be read.");
        }
    }

    private OIDCProviderMetadata metadata() throws Refused {
        OIDCProviderMetadata known = metadata;
        if (known == null) {
            try {
                known = OIDCProviderMetadata.resolve(issuer);
            } catch (GeneralException | IOException e) {
                throw new Refused("The realm " + issuer + " cannot be reached.");
            }
            metadata = known;
        }
        return known;
    }

    private IDTokenValidator validator() throws Refused {
        IDTokenValidator known = validator;
        if (known == null) {
            try {
                known = new IDTokenValidator(issuer, clientId, JWSAlgorithm.RS256, metadata().getJWKSetURI().toURL());
            } catch (MalformedURLException e) {
                throw new Refused("The realm's key set URL is not valid.");
            }
            validator = known;
        }
        return known;
    }
}
