package org.careaccess.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A small HTTP server on loopback playing an external service, with switches to make it fail the
 * way real gateways do: an HTTP error status, or a stall before answering.
 */
public abstract class StandInServer implements AutoCloseable {

    static {
        // The JDK's server writes a response's headers and body as two TCP segments; with Nagle's
        // algorithm on, the body waits for the client's delayed ACK of the headers (about 40 ms on
        // Linux). A stand-in answers at once, so it turns Nagle off. Read once, when the JDK's
        // server configuration is first loaded, hence before any stand-in exists.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, getClass().getSimpleName());
        t.setDaemon(true);
        return t;
    });
    private volatile int failWithStatus;
    private volatile Duration stall = Duration.ZERO;
    private final AtomicInteger requests = new AtomicInteger();

    protected StandInServer(int port) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on 127.0.0.1:" + port, e);
        }
        server.createContext("/", this::handleWithFaults);
        server.setExecutor(executor);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        return "http://127.0.0.1:" + port();
    }

    /** Every later request is answered with this HTTP status and an error body. */
    public void failWith(int status) {
        this.failWithStatus = status;
    }

    /** Every later request waits this long before it is answered. */
    public void stallFor(Duration duration) {
        this.stall = duration;
    }

    /** Back to answering promptly and successfully. */
    public void behave() {
        failWithStatus = 0;
        stall = Duration.ZERO;
    }

    private void handleWithFaults(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            byte[] body = readAll(exchange.getRequestBody());
            if (!stall.isZero()) {
                sleep(stall);
            }
            int status = failWithStatus;
            if (status != 0) {
                respond(exchange, status, errorContentType(), errorBody(status));
                return;
            }
            handle(exchange, new String(body, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            respond(exchange, 500, "text/plain", "stand-in failed: " + e);
        }
    }

    /** Every request received so far, answered, failed on purpose or stalled. */
    public int requests() {
        return requests.get();
    }

    protected abstract void handle(HttpExchange exchange, String body) throws IOException;

    protected abstract String errorContentType();

    protected abstract String errorBody(int status);

    protected static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
