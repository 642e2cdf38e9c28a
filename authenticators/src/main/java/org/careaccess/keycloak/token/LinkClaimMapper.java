package org.careaccess.keycloak.token;

import java.util.LinkedHashMap;
import java.util.Map;

import org.careaccess.keycloak.link.LinkSessions;
import org.careaccess.keycloak.patient.LinkFlow;
import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.representations.IDToken;

/**
 * The {@code careaccess_link} claim, {@code {"id","purpose","resource"}}: which link this sign-in
 * opened, so the portal shows the right questionnaire, appointment, document or message. Absent
 * when the sign-in did not open a link (single sign-on without one).
 */
public final class LinkClaimMapper extends CareAccessClaimMapper {

    public static final String PROVIDER_ID = "careaccess-link-claim-mapper";
    public static final String CLAIM = "careaccess_link";

    public LinkClaimMapper() {
        super(PROVIDER_ID, "CareAccess: patient link claim",
                "Adds careaccess_link {id, purpose, resource}: the patient link this sign-in opened.");
    }

    @Override
    protected void setClaim(IDToken token, ProtocolMapperModel mappingModel, UserSessionModel userSession, KeycloakSession session,
                            ClientSessionContext clientSessionCtx) {
        AuthenticatedClientSessionModel clientSession = clientSessionCtx.getClientSession();
        String id = clientSession.getNote(LinkSessions.CLAIM_ID_NOTE);
        if (id == null || id.isEmpty()) {
            return;
        }
        String resource = clientSession.getNote(LinkFlow.CLAIM_RESOURCE_NOTE);
        Map<String, Object> link = new LinkedHashMap<>();
        link.put("id", id);
        link.put("purpose", clientSession.getNote(LinkFlow.CLAIM_PURPOSE_NOTE));
        link.put("resource", resource == null || resource.isEmpty() ? null : resource);
        token.getOtherClaims().put(CLAIM, link);
    }
}
