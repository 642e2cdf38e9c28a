package org.careaccess.testkit;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What an authenticator app does with the key it was given: RFC 6238 time-based codes (HMAC-SHA1,
 * 6 digits, 30-second steps, Keycloak's defaults), computed independently of Keycloak's code.
 */
public final class AuthenticatorApp {

    public static final int PERIOD_SECONDS = 30;

    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private final byte[] key;

    /** The key as a person types it from the set-up page: Base32, spaces allowed. */
    public AuthenticatorApp(String base32Key) {
        this(base32(base32Key));
    }

    private AuthenticatorApp(byte[] key) {
        this.key = key.clone();
    }

    /** An app holding this key as it is stored (a credential imported with its raw secret). */
    public static AuthenticatorApp withRawKey(byte[] key) {
        return new AuthenticatorApp(key);
    }

    /** The 30-second time step an instant falls in. */
    public static long step(Instant at) {
        return at.getEpochSecond() / PERIOD_SECONDS;
    }

    public String codeAt(Instant time) {
        return codeFor(step(time));
    }

    /** The code of the next 30-second step: a code Keycloak has not seen used yet. */
    public String nextCode() {
        return codeFor(step(Instant.now()) + 1);
    }

    public String currentCode() {
        return codeAt(Instant.now());
    }

    /** The 6-digit code of this time step. */
    public String codeFor(long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            return String.format("%06d", binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] base32(String text) {
        String clean = text.replaceAll("[\\s=]", "").toUpperCase(Locale.ROOT);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : clean.toCharArray()) {
            int value = BASE32.indexOf(c);
            if (value < 0) {
                throw new IllegalArgumentException("not Base32: " + c);
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }
}
