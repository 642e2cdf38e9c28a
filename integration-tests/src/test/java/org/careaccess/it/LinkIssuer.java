package org.careaccess.it;

import org.careaccess.testkit.LinkIssuerApi;

/**
 * The system that texts patients their links, as the issuer API of the shared server sees it:
 * the {@code link-issuer} client of the patients realm (client credentials, realm role
 * careaccess-link-issuer). The calls and answers are the test kit's {@link LinkIssuerApi}.
 */
final class LinkIssuer extends LinkIssuerApi {

    private LinkIssuer(String realm, String token) {
        super(CareAccessServer.server().url(), realm, token);
    }

    /** The patients realm's own issuer client, signed in with client credentials. */
    static LinkIssuer patientsRealm() {
        return of("patients");
    }

    /** The {@code link-issuer} client of a realm made from the patients realm file. */
    static LinkIssuer of(String realm) {
        return new LinkIssuer(realm, token(CareAccessServer.server().url(), realm, CareAccessServer.ISSUER_SECRET));
    }

    /** A caller of the patients realm's API with any bearer token (or none, when null): for the refusals. */
    static LinkIssuer withToken(String token) {
        return new LinkIssuer("patients", token);
    }
}
