package org.careaccess.keycloak.staff.twofactor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import org.careaccess.keycloak.sms.PhoneNumberMask;
import org.keycloak.common.util.Time;
import org.keycloak.credential.CredentialModel;
import org.keycloak.util.JsonSerialization;

/**
 * A staff member's mobile number for two-factor codes, stored as a credential of type
 * {@code careaccess-sms}, never as a profile attribute. The full number is secret data (no REST
 * API returns it); the credential data and label carry only its last two digits, which the account
 * console shows.
 */
public final class SmsCredentialModel extends CredentialModel {

    public static final String TYPE = "careaccess-sms";

    private static final String MOBILE = "mobile";
    private static final String ENDING = "ending";

    private final String mobile;

    private SmsCredentialModel(String mobile) {
        this.mobile = mobile;
    }

    /** A new credential for a number already checked by the phone number rules (E.164). */
    public static SmsCredentialModel forNumber(String e164) {
        SmsCredentialModel model = new SmsCredentialModel(e164);
        model.setType(TYPE);
        model.setCreatedDate(Time.currentTimeMillis());
        model.setUserLabel("Mobile ending " + PhoneNumberMask.lastTwoDigits(e164));
        model.setSecretData(write(Map.of(MOBILE, e164)));
        model.setCredentialData(write(Map.of(ENDING, PhoneNumberMask.lastTwoDigits(e164))));
        return model;
    }

    static SmsCredentialModel from(CredentialModel stored) {
        String mobile = read(stored.getSecretData()).get(MOBILE);
        SmsCredentialModel model = new SmsCredentialModel(mobile);
        model.setId(stored.getId());
        model.setType(stored.getType());
        model.setUserLabel(stored.getUserLabel());
        model.setCreatedDate(stored.getCreatedDate());
        model.setSecretData(stored.getSecretData());
        model.setCredentialData(stored.getCredentialData());
        return model;
    }

    /** The number in E.164, e.g. {@code +447700900123}. */
    public String mobile() {
        return mobile;
    }

    private static String write(Map<String, String> values) {
        try {
            return JsonSerialization.writeValueAsString(values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> read(String json) {
        try {
            return json == null ? Map.of() : JsonSerialization.readValue(json, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
