package org.careaccess.keycloak.link;

import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import org.careaccess.keycloak.secrets.RealmHmacKeys;
import org.careaccess.keycloak.secrets.Secrets;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * A link code that can be made again without being stored: the first {@value LinkCodes#BYTES} bytes of
 * HMAC-SHA256(realm's HMAC key, link id ‖ seed), base64url, the same shape as a random code. The seed is
 * the issuer's {@code requestId} (a retried request gets the same link and URL back) or, for a link
 * CareAccess texts, a random value kept with the queued text until it is sent. Only the code's hash is
 * in the link's row, as for every link.
 * <p>
 * Keycloak keeps the realm's HMAC key in its database, so whoever reads the database and knows (or
 * guesses) a seed can make the code: issuers should use unguessable request ids (UUIDs), and a
 * queued text's seed is deleted once the text is sent (README, "Issuing links in bulk").
 */
public final class SeededLinkCodes {

    /** A code and the id of the key that made it. */
    public record Seeded(String code, String keyId) {
    }

    private SeededLinkCodes() {
    }

    /** The code of this link and seed under the realm's active HMAC key. */
    public static Seeded make(KeycloakSession session, RealmModel realm, String linkId, String seed) {
        KeyWrapper key = RealmHmacKeys.active(session, realm);
        return new Seeded(code(key, realm, linkId, seed), key.getKid());
    }

    /** The code this link and seed made under any of the realm's HMAC keys, if one matches the stored hash. */
    public static Optional<String> remake(KeycloakSession session, RealmModel realm, String linkId, String seed, String codeHash) {
        return RealmHmacKeys.all(session, realm)
                .map(key -> code(key, realm, linkId, seed))
                .filter(code -> Secrets.equalInConstantTime(LinkCodes.hash(code), codeHash))
                .findFirst();
    }

    /** The code this link and seed make under the realm's key with this id; empty when the realm no longer has it. */
    public static Optional<String> withKey(KeycloakSession session, RealmModel realm, String keyId, String linkId, String seed) {
        return RealmHmacKeys.all(session, realm).filter(key -> keyId.equals(key.getKid())).findFirst()
                .map(key -> code(key, realm, linkId, seed));
    }

    static String code(KeyWrapper key, RealmModel realm, String linkId, String seed) {
        byte[] full = Secrets.hmacSha256(key.getSecretKey(), "careaccess-link-code|" + realm.getId() + "|" + linkId + "|" + seed);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(full, LinkCodes.BYTES));
    }
}
