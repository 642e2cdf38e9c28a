package org.careaccess.testkit;

/** A stand-in SMS gateway a test server can send its texts to (SNS's or GOV.UK Notify's). */
public interface TextGatewayStandIn {

    /** Makes this gateway's provider the server's {@code careaccess-sms} default, pointed here, with this send timeout. */
    KeycloakServer.Builder receiveTextsOf(KeycloakServer.Builder server, int timeoutMillis);
}
