package org.careaccess.keycloak.staff.twofactor;

import java.util.List;
import java.util.Optional;

import org.keycloak.credential.CredentialModel;
import org.keycloak.models.UserModel;

/** A staff member's two-factor credentials: which methods they have, their mobile, removing them. */
final class TwoFactorCredentials {

    private TwoFactorCredentials() {
    }

    /**
     * What a person has set up, read from their credentials once for a request: the methods, in the
     * order the user (or an admin) gave their credentials, and the mobile of their phone, if any.
     */
    record Enrolment(List<TwoFactorMethod> methods, Optional<String> mobile) {

        boolean hasAny() {
            return !methods.isEmpty();
        }

        boolean has(TwoFactorMethod method) {
            return methods.contains(method);
        }

        /** The method to offer besides {@code current}, if the person has one. */
        Optional<TwoFactorMethod> other(TwoFactorMethod current) {
            return methods.stream().filter(m -> m != current).findFirst();
        }
    }

    static Enrolment read(UserModel user) {
        List<CredentialModel> credentials = user.credentialManager().getStoredCredentialsStream().toList();
        List<TwoFactorMethod> methods = credentials.stream()
                .map(CredentialModel::getType)
                .map(TwoFactorMethod::ofCredentialType)
                .flatMap(Optional::stream)
                .distinct()
                .toList();
        Optional<String> mobile = credentials.stream()
                .filter(c -> SmsCredentialModel.TYPE.equals(c.getType()))
                .findFirst().map(SmsCredentialModel::from).map(SmsCredentialModel::mobile);
        return new Enrolment(methods, mobile);
    }

    static List<TwoFactorMethod> enrolled(UserModel user) {
        return read(user).methods();
    }

    static boolean hasAny(UserModel user) {
        return read(user).hasAny();
    }

    /** Removes every credential of this method: a new one replaces them (one phone and one app per person). */
    static void removeAll(UserModel user, TwoFactorMethod method) {
        user.credentialManager().getStoredCredentialsByTypeStream(method.credentialType())
                .map(CredentialModel::getId)
                .toList()
                .forEach(id -> user.credentialManager().removeStoredCredentialById(id));
    }

    /** Removes every two-factor credential; returns how many there were. */
    static int removeAll(UserModel user) {
        List<String> ids = user.credentialManager().getStoredCredentialsStream()
                .filter(c -> TwoFactorMethod.ofCredentialType(c.getType()).isPresent())
                .map(CredentialModel::getId)
                .toList();
        ids.forEach(id -> user.credentialManager().removeStoredCredentialById(id));
        return ids.size();
    }
}
