package org.careaccess.keycloak.link;

import org.careaccess.keycloak.secrets.Secrets;

/**
 * The secret in a link's URL: 96 random bits, base64url (16 characters, short enough for a text
 * message). Only its SHA-256 is stored, so the lookup is an indexed equality.
 */
public final class LinkCodes {

    /** The authorization-request parameter that carries a link's code from {@code /l/{code}} into the flow. */
    public static final String PARAMETER = "careaccess_link";
    static final int BYTES = 12;
    /** The shape accepted since links were first issued: 16 to 64 URL-safe characters. */
    private static final int MAX_LENGTH = 64;

    private LinkCodes() {
    }

    public static String newCode() {
        return Secrets.newToken(BYTES);
    }

    /** Whether a string could be a link code at all; anything else is refused before a lookup. */
    public static boolean isWellFormed(String code) {
        return Secrets.isUrlSafe(code, Secrets.tokenLength(BYTES), MAX_LENGTH);
    }

    public static String hash(String code) {
        return Secrets.sha256Hex(code);
    }
}
