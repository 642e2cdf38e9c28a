package org.careaccess.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TcpProxyTest {

    private final EchoServer first = new EchoServer("first");
    private final EchoServer second = new EchoServer("second");
    private final TcpProxy proxy = new TcpProxy("127.0.0.1", first.port());

    @AfterEach
    void close() throws IOException {
        proxy.close();
        first.close();
        second.close();
    }

    @Test
    void forwardsBothWays() throws IOException {
        try (Socket client = connect()) {
            assertThat(exchange(client, "hello")).isEqualTo("first:hello");
            assertThat(exchange(client, "again")).isEqualTo("first:again");
        }
    }

    @Test
    void aCutDropsOpenConnectionsAndResetsNewOnesUntilRestored() throws IOException {
        Socket open = connect();
        exchange(open, "before");

        proxy.cut();

        assertThatThrownBy(() -> exchange(open, "during")).isInstanceOf(IOException.class);
        try (Socket during = connect()) {
            assertThatThrownBy(() -> exchange(during, "during")).isInstanceOf(IOException.class);
        }
        proxy.restore();
        try (Socket after = connect()) {
            assertThat(exchange(after, "after")).isEqualTo("first:after");
        }
    }

    @Test
    void aKeptAliveConnectionMovesToTheNewTargetAtItsNextWrite() throws IOException {
        try (Socket client = connect()) {
            assertThat(exchange(client, "one")).isEqualTo("first:one");

            proxy.forwardTo(second.port());

            assertThat(exchange(client, "two")).isEqualTo("second:two");
            assertThat(exchange(client, "three")).isEqualTo("second:three");
        }
    }

    @Test
    void aDeadTargetLooksLikeABrokenConnection() throws IOException {
        first.close();
        try (Socket client = connect()) {
            assertThatThrownBy(() -> exchange(client, "anyone?")).isInstanceOf(IOException.class);
        }
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), proxy.port());
        socket.setSoTimeout(5000);
        return socket;
    }

    /** Writes a line and reads the answering line; an IOException when the connection is gone. */
    private static String exchange(Socket socket, String line) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        return readLine(socket.getInputStream());
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) {
                throw new IOException("connection closed");
            }
            line.append((char) c);
        }
        return line.toString();
    }

    /** Answers each line with its name and the line, one thread per connection. */
    private static final class EchoServer implements AutoCloseable {

        private final ServerSocket socket;

        EchoServer(String name) {
            try {
                socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            Thread acceptor = new Thread(() -> {
                while (!socket.isClosed()) {
                    try {
                        Socket client = socket.accept();
                        Thread echo = new Thread(() -> echo(name, client));
                        echo.setDaemon(true);
                        echo.start();
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
        }

        private static void echo(String name, Socket client) {
            try (client) {
                while (true) {
                    String line = readLine(client.getInputStream());
                    client.getOutputStream().write((name + ":" + line + "\n").getBytes(StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                // client gone
            }
        }

        int port() {
            return socket.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
