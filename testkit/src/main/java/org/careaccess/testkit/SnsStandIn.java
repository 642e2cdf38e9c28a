package org.careaccess.testkit;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;

/**
 * Plays AWS SNS's Query protocol: {@code POST /} with a form-encoded {@code Action=Publish},
 * answered with SNS's XML. Keeps every published text so a test can read the code a person got.
 */
public final class SnsStandIn extends StandInServer implements TextGatewayStandIn {

    /** One Publish request as SNS received it. */
    public record Publish(Map<String, String> parameters, String authorization) {

        public String phoneNumber() {
            return parameters.get("PhoneNumber");
        }

        public String message() {
            return parameters.get("Message");
        }

        /** The value of a message attribute, e.g. {@code AWS.SNS.SMS.SMSType}. */
        public String attribute(String name) {
            for (int i = 1; parameters.containsKey("MessageAttributes.entry." + i + ".Name"); i++) {
                if (name.equals(parameters.get("MessageAttributes.entry." + i + ".Name"))) {
                    return parameters.get("MessageAttributes.entry." + i + ".Value.StringValue");
                }
            }
            return null;
        }
    }

    private final List<Publish> published = new CopyOnWriteArrayList<>();
    /** The latest text to each number: a benchmark reads one per flow among tens of thousands sent. */
    private final Map<String, Publish> latest = new ConcurrentHashMap<>();

    public SnsStandIn() {
        this(0);
    }

    public SnsStandIn(int port) {
        super(port);
    }

    /**
     * Makes {@code sns} the default {@code careaccess-sms} provider. Choosing an SPI's provider is a
     * build-time option: a server started {@code --optimized} must have been built with it.
     */
    public static final String SNS_PROVIDER_OPTION = "--spi-careaccess-sms--provider-default=sns";

    /**
     * Sends a server's texts here: the {@code careaccess-sms} SPI's {@code sns} provider as the
     * default, pointed at this stand-in with dummy AWS credentials and this send timeout.
     */
    @Override
    public KeycloakServer.Builder receiveTextsOf(KeycloakServer.Builder server, int timeoutMillis) {
        return server.option(SNS_PROVIDER_OPTION)
                .option("--spi-careaccess-sms--sns--endpoint=" + url())
                .option("--spi-careaccess-sms--sns--region=eu-west-2")
                .option("--spi-careaccess-sms--sns--timeout-millis=" + timeoutMillis)
                .env("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE")
                .env("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
    }

    @Override
    protected void handle(HttpExchange exchange, String body) throws IOException {
        Map<String, String> parameters = parseForm(body);
        if (!"POST".equals(exchange.getRequestMethod()) || !"Publish".equals(parameters.get("Action"))) {
            respond(exchange, 400, errorContentType(), error("Sender", "InvalidAction", "Only Publish is played here"));
            return;
        }
        Publish publish = new Publish(parameters, exchange.getRequestHeaders().getFirst("Authorization"));
        published.add(publish);
        if (publish.phoneNumber() != null) {
            latest.put(publish.phoneNumber(), publish);
        }
        respond(exchange, 200, "text/xml", """
                <PublishResponse xmlns="https://sns.amazonaws.com/doc/2010-03-31/">
                  <PublishResult><MessageId>%s</MessageId></PublishResult>
                  <ResponseMetadata><RequestId>%s</RequestId></ResponseMetadata>
                </PublishResponse>""".formatted(UUID.randomUUID(), UUID.randomUUID()));
    }

    @Override
    protected String errorContentType() {
        return "text/xml";
    }

    @Override
    protected String errorBody(int status) {
        return status < 500
                ? error("Sender", "InvalidParameter", "Invalid parameter: PhoneNumber")
                : error("Receiver", "InternalError", "The service is unavailable");
    }

    private static String error(String type, String code, String message) {
        return """
                <ErrorResponse xmlns="https://sns.amazonaws.com/doc/2010-03-31/">
                  <Error><Type>%s</Type><Code>%s</Code><Message>%s</Message></Error>
                  <RequestId>%s</RequestId>
                </ErrorResponse>""".formatted(type, code, message, UUID.randomUUID());
    }

    static Map<String, String> parseForm(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            form.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return form;
    }

    public List<Publish> published() {
        return List.copyOf(published);
    }

    public List<Publish> publishedTo(String e164) {
        return published.stream().filter(p -> e164.equals(p.phoneNumber())).toList();
    }

    /** The security code in the latest text to this number, or null when none was sent. */
    public String latestCodeTo(String e164) {
        String text = latestTextTo(e164);
        return text == null ? null : SecurityCodes.in(text);
    }

    /** The whole latest text to this number, or null when none was sent. */
    public String latestTextTo(String e164) {
        Publish text = latest.get(e164);
        return text == null ? null : text.message();
    }

    public void clear() {
        published.clear();
        latest.clear();
    }
}
