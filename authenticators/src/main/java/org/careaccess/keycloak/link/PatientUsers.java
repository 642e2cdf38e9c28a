package org.careaccess.keycloak.link;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.careaccess.keycloak.limits.GivenBackOnRollback;
import org.careaccess.keycloak.secrets.Secrets;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.SingleUseObjectProvider;
import org.keycloak.models.UserManager;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserProvider;

/**
 * Patients are Keycloak users of the realm, found by NHS number when there is one. Their username
 * is a random id: never the NHS number or a name, which would show in logs and consoles.
 */
public final class PatientUsers {

    /** The NHS number belongs to a patient with a different birth date: most likely a typo. */
    public static final class BirthDateConflict extends Exception {
        private static final long serialVersionUID = 1L;

        private final String patientId;

        BirthDateConflict(String patientId) {
            super("birth date does not match the patient with this NHS number");
            this.patientId = patientId;
        }

        /** The user id of the patient with this NHS number. */
        public String patientId() {
            return patientId;
        }
    }

    /** Another request is creating the patient with this NHS number right now. */
    public static final class Busy extends Exception {
        private static final long serialVersionUID = 1L;

        Busy() {
            super("patient is being created by another request");
        }
    }

    private static final long CREATE_CLAIM_SECONDS = 10;
    /** Keycloak's user store in its own database ({@code JpaUserProviderFactory}'s id). */
    private static final String LOCAL_USERS = "jpa";
    /** Every patient user CareAccess makes is named this and a random id. */
    static final String USERNAME_PREFIX = "patient-";

    private final KeycloakSession session;
    private final RealmModel realm;

    public PatientUsers(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /**
     * The patient with this NHS number, made when there is none yet; without an NHS number, always
     * a new patient. Names are filled in only where the patient has none. A patient found and left
     * as they were is the stored row as Keycloak's user table gives it (the user cache is only
     * filled for someone signing in): read it, never change it.
     *
     * @param nhsNumber ten digits with a valid check digit, or null
     */
    public UserModel findOrCreate(String nhsNumber, LocalDate birthDate, String givenName, String familyName)
            throws BirthDateConflict, Busy {
        if (nhsNumber == null) {
            return create(null, birthDate, givenName, familyName);
        }
        Optional<UserModel> existing = storedByNhsNumber(nhsNumber);
        if (existing.isPresent()) {
            return updated(existing.get(), birthDate, givenName, familyName);
        }
        // User attributes have no unique constraint, so creating the patient for an NHS number is
        // claimed in the cluster-wide store first. A request racing this one is told to retry; by
        // then this transaction has committed and the retry finds the patient.
        String claim = "careaccess:patient-create:" + realm.getId() + ":" + Secrets.sha256Hex(nhsNumber);
        SingleUseObjectProvider store = session.singleUseObjects();
        if (!store.putIfAbsent(claim, CREATE_CLAIM_SECONDS)) {
            throw new Busy();
        }
        GivenBackOnRollback.enlist(session, () -> store.remove(claim));
        return create(nhsNumber, birthDate, givenName, familyName);
    }

    /**
     * Deletes this patient through Keycloak's {@link UserManager} (sessions, credentials and
     * consents go too, and the user-removed event fires) when nothing can sign them in again: no
     * NHS number (so no NHS login and no new link for them) and no link left, which the caller has
     * checked. Only a patient CareAccess created (username {@value #USERNAME_PREFIX}...) is ever
     * deleted. False when the patient is kept or already gone.
     */
    public boolean removeUnreachable(String userId) {
        UserModel user = session.users().getUserById(realm, userId);
        if (user == null || !user.getUsername().startsWith(USERNAME_PREFIX) || user.getFirstAttribute(NhsNumber.ATTRIBUTE) != null) {
            return false;
        }
        return new UserManager(session).removeUser(realm, user);
    }

    /**
     * Searched in Keycloak's own user table only: every patient is a local user (made here or by the
     * NHS login broker), so the user-federation attribute table Keycloak would also search can hold
     * none, and a batch of links would pay that second query for each record. The user is then read
     * through the user cache, so what the caller changes reaches every node.
     */
    public Optional<UserModel> byNhsNumber(String nhsNumber) {
        return storedByNhsNumber(nhsNumber).map(stored -> session.users().getUserById(realm, stored.getId()));
    }

    /** The patient's row as Keycloak's own user store reads it: for reading only (changes would miss the user cache). */
    private Optional<UserModel> storedByNhsNumber(String nhsNumber) {
        return session.getProvider(UserProvider.class, LOCAL_USERS).searchForUserByUserAttributeStream(realm, NhsNumber.ATTRIBUTE, nhsNumber)
                .findFirst();
    }

    private UserModel create(String nhsNumber, LocalDate birthDate, String givenName, String familyName) {
        UserModel user = session.users().addUser(realm, USERNAME_PREFIX + UUID.randomUUID());
        user.setEnabled(true);
        if (nhsNumber != null) {
            user.setSingleAttribute(NhsNumber.ATTRIBUTE, nhsNumber);
        }
        user.setSingleAttribute(BirthDates.ATTRIBUTE, birthDate.toString());
        user.setFirstName(givenName);
        user.setLastName(familyName);
        return user;
    }

    private UserModel updated(UserModel stored, LocalDate birthDate, String givenName, String familyName) throws BirthDateConflict {
        Optional<LocalDate> known = BirthDates.parseIso(stored.getFirstAttribute(BirthDates.ATTRIBUTE));
        if (known.isPresent() && !known.get().equals(birthDate)) {
            throw new BirthDateConflict(stored.getId());
        }
        boolean namesMissing = blank(stored.getFirstName()) && givenName != null || blank(stored.getLastName()) && familyName != null;
        if (known.isPresent() && !namesMissing) {
            return stored;
        }
        // Changed through the user cache, so every node's cached copy is invalidated.
        UserModel user = session.users().getUserById(realm, stored.getId());
        if (known.isEmpty()) {
            user.setSingleAttribute(BirthDates.ATTRIBUTE, birthDate.toString());
        }
        if (blank(user.getFirstName()) && givenName != null) {
            user.setFirstName(givenName);
        }
        if (blank(user.getLastName()) && familyName != null) {
            user.setLastName(familyName);
        }
        return user;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
