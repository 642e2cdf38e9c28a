package uk.gov.service.notify;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URL;
import java.time.Duration;

/**
 * The GOV.UK Notify client with connect and read timeouts. The client opens its connections in a
 * package-private {@code getConnection} and sets no timeouts, so a stalled Notify would hold a
 * person's sign-in forever; this subclass lives in the client's package only to override it.
 * It is shaded and relocated together with the client.
 */
public final class TimeLimitedNotificationClient extends NotificationClient {

    private final int timeoutMillis;

    public TimeLimitedNotificationClient(String apiKey, String baseUrl, Duration timeout) {
        super(apiKey, baseUrl);
        this.timeoutMillis = Math.toIntExact(timeout.toMillis());
    }

    @Override
    HttpURLConnection getConnection(URL url) throws IOException {
        HttpURLConnection connection = super.getConnection(url);
        connection.setConnectTimeout(timeoutMillis);
        connection.setReadTimeout(timeoutMillis);
        return connection;
    }
}
