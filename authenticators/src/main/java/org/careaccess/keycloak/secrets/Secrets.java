package org.careaccess.keycloak.secrets;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.keycloak.common.util.SecretGenerator;

/**
 * The one place that makes and handles secrets: random tokens and digits from Keycloak's
 * {@link SecretGenerator}, their SHA-256, the check that a presented value could be one of ours
 * at all, and comparison in constant time. Every secret this extension hands out (link codes,
 * device cookies, sign-in links, link tickets, texted codes) is made here.
 *
 * <p>SHA-256 rather than a slow hash: the tokens carry 96 to 256 random bits, so guessing is
 * hopeless either way, and the lookups must be indexed equality.
 */
public final class Secrets {

    private static final Base64.Encoder URL_SAFE = Base64.getUrlEncoder().withoutPadding();

    private Secrets() {
    }

    /** {@code bytes} random bytes, base64url without padding: safe in a URL path, query or cookie. */
    public static String newToken(int bytes) {
        return URL_SAFE.encodeToString(SecretGenerator.getInstance().randomBytes(bytes));
    }

    /** The length of a {@link #newToken(int)} of {@code bytes} bytes. */
    public static int tokenLength(int bytes) {
        return (bytes * 8 + 5) / 6;
    }

    /** {@code count} uniformly random decimal digits, e.g. a texted security code. */
    public static String newDigits(int count) {
        return SecretGenerator.getInstance().randomString(count, SecretGenerator.DIGITS);
    }

    /** Whether a presented value has the shape of a {@link #newToken(int)} of {@code bytes} bytes. */
    public static boolean isToken(String value, int bytes) {
        return isUrlSafe(value, tokenLength(bytes), tokenLength(bytes));
    }

    /**
     * Whether a presented value is base64url of {@code minLength} to {@code maxLength} characters;
     * anything else is refused before it reaches a store, a query or a log.
     */
    public static boolean isUrlSafe(String value, int minLength, int maxLength) {
        if (value == null || value.length() < minLength || value.length() > maxLength) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean urlSafe = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!urlSafe) {
                return false;
            }
        }
        return true;
    }

    /** SHA-256 of the UTF-8 bytes, as 64 lowercase hex characters: what is stored in place of a secret. */
    public static String sha256Hex(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** HMAC-SHA256 of the UTF-8 bytes under a realm's secret key (Keycloak's HMAC key provider). */
    public static byte[] hmacSha256(Key key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Whether two secrets (or their hashes) are equal, in time that does not depend on where they differ. */
    public static boolean equalInConstantTime(String a, String b) {
        return a != null && b != null
                && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
