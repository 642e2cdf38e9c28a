package org.careaccess.keycloak.link;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The secret in a link's URL: 96 bits from {@link SecureRandom}, base64url (16 characters, short
 * enough for a text message). Only its SHA-256 is stored; a slow hash buys nothing against a
 * 96-bit random value, and the lookup must be an indexed equality.
 */
public final class LinkCodes {

    static final int BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{16,64}");

    private LinkCodes() {
    }

    public static String newCode() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether a string could be a link code at all; anything else is refused before a lookup. */
    public static boolean isWellFormed(String code) {
        return code != null && WELL_FORMED.matcher(code).matches();
    }

    public static String hash(String code) {
        return sha256Hex(code);
    }

    /** SHA-256 of a string, as 64 lowercase hex characters. */
    public static String sha256Hex(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
