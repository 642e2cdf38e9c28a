package org.careaccess.keycloak.secrets;

import java.util.stream.Stream;

import org.keycloak.crypto.Algorithm;
import org.keycloak.crypto.KeyUse;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/** The realm's HMAC keys (the {@code hmac-generated} provider): realm-wide, rotated by admins like its other keys. */
public final class RealmHmacKeys {

    private RealmHmacKeys() {
    }

    /** The active HMAC key; throws when the realm has none. */
    public static KeyWrapper active(KeycloakSession session, RealmModel realm) {
        for (String algorithm : new String[] {Algorithm.HS512, Algorithm.HS256, Algorithm.HS384}) {
            KeyWrapper key = session.keys().getActiveKey(realm, KeyUse.SIG, algorithm);
            if (key != null && key.getSecretKey() != null) {
                return key;
            }
        }
        throw new IllegalStateException("realm " + realm.getName() + " has no active HMAC key (hmac-generated provider)");
    }

    /** Every HMAC key of the realm, active or passive: what an earlier MAC may have been made with. */
    public static Stream<KeyWrapper> all(KeycloakSession session, RealmModel realm) {
        return session.keys().getKeysStream(realm).filter(key -> key.getSecretKey() != null);
    }
}
