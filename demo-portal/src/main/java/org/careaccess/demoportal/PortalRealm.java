package org.careaccess.demoportal;

/**
 * One realm the demo portal signs people in with: served under {@code /{realm}/}, as the client
 * {@code clientId} of that realm. {@code staff} portals show the staff page (two-factor method,
 * reset link); patient portals show the link's purpose and how the patient proved who they are.
 */
public record PortalRealm(String realm, String clientId, String clientSecret, boolean staff) {

    public static PortalRealm patients(String realm, String clientId, String clientSecret) {
        return new PortalRealm(realm, clientId, clientSecret, false);
    }

    public static PortalRealm staff(String realm, String clientId, String clientSecret) {
        return new PortalRealm(realm, clientId, clientSecret, true);
    }
}
