package org.careaccess.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP hop on loopback between a client and a service (Keycloak and PostgreSQL, a browser and a
 * Keycloak node), which a test can break and mend: {@link #cut()} drops every open connection and
 * resets every new one, as a failed network or a stopped database does; {@link #restore()} lets
 * traffic through again. {@link #forwardTo(int)} points it at another port, like a load balancer
 * moving traffic to another node: a kept-alive client connection moves over at its next request,
 * so HTTP clients do not see an error for a switch.
 */
public final class TcpProxy implements AutoCloseable {

    private static final int BUFFER_SIZE = 16 * 1024;

    private final ServerSocket listener;
    private final String targetHost;
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final AtomicLong accepted = new AtomicLong();
    private volatile int targetPort;
    private volatile boolean cut;
    private volatile boolean closed;

    /** Listens on a free loopback port and forwards to {@code targetHost:targetPort}. */
    public TcpProxy(String targetHost, int targetPort) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        try {
            listener = new ServerSocket();
            listener.setReuseAddress(true);
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on loopback", e);
        }
        Thread acceptor = new Thread(this::acceptLoop, "TcpProxy-" + port());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return listener.getLocalPort();
    }

    public int targetPort() {
        return targetPort;
    }

    /** Sends later traffic to another port of the same host; open connections move at their next write. */
    public void forwardTo(int port) {
        this.targetPort = port;
    }

    /** Drops every open connection and resets new ones until {@link #restore()}. */
    public void cut() {
        cut = true;
        connections.forEach(Connection::close);
    }

    public void restore() {
        cut = false;
    }

    public boolean isCut() {
        return cut;
    }

    /** How many client connections were accepted, cut ones included. */
    public long connectionsAccepted() {
        return accepted.get();
    }

    public int openConnections() {
        return connections.size();
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException e) {
            // closing anyway
        }
        connections.forEach(Connection::close);
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                continue;
            }
            accepted.incrementAndGet();
            if (cut) {
                reset(client);
                continue;
            }
            Connection connection = new Connection(client);
            connections.add(connection);
            connection.start();
        }
    }

    /** Closes with an RST instead of a FIN, as a refused or broken connection looks to the client. */
    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
            socket.close();
        } catch (IOException e) {
            // already gone
        }
    }

    /** One client connection and its current upstream. */
    private final class Connection {

        private final Socket client;
        private Socket upstream;
        private int upstreamPort;

        Connection(Socket client) {
            this.client = client;
        }

        void start() {
            Thread pump = new Thread(this::clientToUpstream, "TcpProxy-" + port() + "-c" + client.getPort());
            pump.setDaemon(true);
            pump.start();
        }

        private void clientToUpstream() {
            byte[] buffer = new byte[BUFFER_SIZE];
            try (InputStream in = client.getInputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    upstreamFor(targetPort).getOutputStream().write(buffer, 0, n);
                }
                synchronized (this) {
                    if (upstream != null) {
                        upstream.shutdownOutput();
                    }
                }
            } catch (IOException e) {
                close();
            }
        }

        /** The upstream socket for this port, reconnecting when the proxy was pointed elsewhere. */
        private synchronized Socket upstreamFor(int port) throws IOException {
            if (upstream != null && upstreamPort == port && !upstream.isClosed()) {
                return upstream;
            }
            if (upstream != null) {
                Socket old = upstream;
                upstream = null;
                old.close();
            }
            Socket socket = new Socket();
            socket.connect(new InetSocketAddress(targetHost, port), 10_000);
            socket.setTcpNoDelay(true);
            upstream = socket;
            upstreamPort = port;
            Thread pump = new Thread(() -> upstreamToClient(socket), "TcpProxy-" + port() + "-u" + socket.getLocalPort());
            pump.setDaemon(true);
            pump.start();
            return socket;
        }

        private void upstreamToClient(Socket socket) {
            byte[] buffer = new byte[BUFFER_SIZE];
            try (InputStream in = socket.getInputStream()) {
                OutputStream out = client.getOutputStream();
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, n);
                }
                endOfUpstream(socket);
            } catch (SocketException e) {
                endOfUpstream(socket);
            } catch (IOException e) {
                close();
            }
        }

        /** The upstream closed: the client sees that too, unless this upstream was replaced by a switch. */
        private void endOfUpstream(Socket socket) {
            synchronized (this) {
                if (upstream != socket) {
                    return;
                }
            }
            close();
        }

        void close() {
            connections.remove(this);
            reset(client);
            synchronized (this) {
                if (upstream != null) {
                    reset(upstream);
                }
            }
        }
    }
}
