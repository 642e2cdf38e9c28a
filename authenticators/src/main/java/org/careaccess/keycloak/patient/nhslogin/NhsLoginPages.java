package org.careaccess.keycloak.patient.nhslogin;

import jakarta.ws.rs.core.Response;

import org.careaccess.keycloak.patient.LinkFlow;
import org.keycloak.authentication.AuthenticationFlowContext;

/**
 * The pages after NHS login when it cannot be used: the link belongs to someone else
 * ({@code nhslogin-mismatch}), or, signing in without a link, no patient record has the NHS number
 * ({@code nhslogin-no-record}). Neither gives a session; each leaves a LOGIN_ERROR event.
 */
final class NhsLoginPages {

    static final String STEP = "nhslogin";
    static final String MISMATCH_PAGE = "careaccess-nhslogin-mismatch.ftl";
    static final String NO_RECORD_PAGE = "careaccess-nhslogin-no-record.ftl";
    static final String MISMATCH_ERROR = "careaccess_nhslogin_mismatch";

    private NhsLoginPages() {
    }

    /** This NHS login is not the patient: the link's page when a link was opened, else the no-record page. */
    static void refuse(AuthenticationFlowContext context, String reason) {
        String linkId = LinkFlow.openedLinkId(context.getAuthenticationSession()).orElse(null);
        LinkFlow.error(context, STEP, MISMATCH_ERROR, reason, linkId);
        String page = linkId == null ? NO_RECORD_PAGE : MISMATCH_PAGE;
        context.challenge(context.form().setStatus(Response.Status.FORBIDDEN).createForm(page));
    }
}
