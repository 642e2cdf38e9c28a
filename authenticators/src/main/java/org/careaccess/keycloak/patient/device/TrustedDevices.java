package org.careaccess.keycloak.patient.device;

import java.time.Instant;
import java.util.Optional;

import org.careaccess.keycloak.events.CareAccessEvents;
import org.careaccess.keycloak.link.DeviceBinding;
import org.careaccess.keycloak.link.PatientLink;
import org.careaccess.keycloak.link.PatientLinks;
import org.careaccess.keycloak.secrets.Secrets;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * One trusted device per link: whether this browser is it, and making it so. A browser keeps one
 * cookie for all the links that trust it. Every binding mints a fresh value and moves the
 * browser's other active links to it, so a value someone else planted in this browser (a shared
 * computer, a sibling subdomain) and still holds in their own browser never becomes trusted for
 * this browser's links; the cookie lasts as long as the latest of their expiries.
 */
public final class TrustedDevices {

    private static final long FIRST_DEVICE_CLAIM_SECONDS = 60;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final PatientLinks links;

    public TrustedDevices(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
        this.links = new PatientLinks(session, realm);
    }

    /** Whether this browser presents the cookie the link trusts (compared in constant time). */
    public boolean isTrustedFor(PatientLink link) {
        Optional<String> presented = TrustedDeviceCookie.presented(session);
        return presented.isPresent() && link.device().isPresent()
                && Secrets.equalInConstantTime(TrustedDeviceCookie.hash(presented.get()), link.device().get().cookieHash());
    }

    /**
     * Claims the link's first device for this browser; false when another browser is binding it
     * at this very moment (two phones opening the link together: one wins, the other needs a code).
     */
    public boolean claimFirstDevice(PatientLink link) {
        return link.device().isEmpty()
                && session.singleUseObjects().putIfAbsent("careaccess:first-device:" + realm.getId() + ":" + link.id(), FIRST_DEVICE_CLAIM_SECONDS);
    }

    /** Makes this browser the link's one trusted device, replacing any other, and leaves an UPDATE_CREDENTIAL event. */
    public void bind(PatientLink link, DeviceBinding how, EventBuilder event) {
        String value = TrustedDeviceCookie.newValue();
        String hash = TrustedDeviceCookie.hash(value);
        TrustedDeviceCookie.presented(session).ifPresent(presented -> links.moveDevice(TrustedDeviceCookie.hash(presented), hash));
        Instant expiresAt = links.latestExpiryTrusting(hash).filter(latest -> latest.isAfter(link.expiresAt())).orElse(link.expiresAt());
        links.trustDevice(link.id(), hash, how);
        TrustedDeviceCookie.set(session, value, expiresAt);
        event.clone().event(EventType.UPDATE_CREDENTIAL).user(link.userId())
                .detail(CareAccessEvents.STEP, "device")
                .detail(CareAccessEvents.DEVICE, how.value())
                .detail(CareAccessEvents.LINK_ID, link.id())
                .success();
    }
}
