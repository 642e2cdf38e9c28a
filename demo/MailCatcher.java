import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo's mail server: accepts every email Keycloak sends on 127.0.0.1 and prints it to the
 * console instead of delivering it (sign-in links, 2FA reset notices). Development only.
 *
 * <p>Run with {@code java demo/MailCatcher.java <port> [pid to follow]}: it stops when that
 * process (the demo) ends.
 */
public class MailCatcher {

    private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        if (args.length > 1) {
            long follow = Long.parseLong(args[1]);
            Thread watcher = new Thread(() -> {
                while (ProcessHandle.of(follow).map(ProcessHandle::isAlive).orElse(false)) {
                    sleep(1000);
                }
                System.exit(0);
            });
            watcher.setDaemon(true);
            watcher.start();
        }
        try (ServerSocket server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
            OUT.println("careaccess-mail: catching the demo's email on 127.0.0.1:" + port + " (printed here, never sent)");
            while (true) {
                Socket client = server.accept();
                new Thread(() -> converse(client), "careaccess-mail").start();
            }
        }
    }

    private static void converse(Socket client) {
        try (client;
             BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1));
             OutputStream out = client.getOutputStream()) {
            reply(out, "220 careaccess-demo ESMTP mail catcher");
            List<String> to = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.toUpperCase(Locale.ROOT);
                if (command.startsWith("EHLO")) {
                    reply(out, "250-careaccess-demo\r\n250-8BITMIME\r\n250 SMTPUTF8");
                } else if (command.startsWith("RCPT TO:")) {
                    to.add(line.substring(8).trim().replaceAll("[<>]", ""));
                    reply(out, "250 OK");
                } else if (command.equals("DATA")) {
                    reply(out, "354 End data with <CR><LF>.<CR><LF>");
                    StringBuilder message = new StringBuilder();
                    while ((line = in.readLine()) != null && !line.equals(".")) {
                        message.append(line.startsWith("..") ? line.substring(1) : line).append('\n');
                    }
                    print(to, message.toString());
                    to.clear();
                    reply(out, "250 OK: printed");
                } else if (command.equals("QUIT")) {
                    reply(out, "221 Bye");
                    return;
                } else if (command.startsWith("HELO") || command.startsWith("MAIL FROM:") || command.equals("RSET") || command.equals("NOOP")) {
                    reply(out, "250 OK");
                } else {
                    reply(out, "502 Not implemented");
                }
            }
        } catch (IOException e) {
            OUT.println("careaccess-mail: connection failed: " + e.getMessage());
        }
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** Prints the subject and the plain-text part, decoded, so links can be copied from the console. */
    private static void print(List<String> to, String raw) {
        String subject = decodeWords(header(raw, "Subject"));
        String text = plainText(raw);
        OUT.println();
        OUT.println("careaccess-mail to=" + String.join(",", to) + " subject=\"" + subject + "\"");
        OUT.println(text.strip().indent(4).stripTrailing());
        OUT.println();
    }

    private static String header(String part, String name) {
        Matcher m = Pattern.compile("(?im)^" + name + ":[ \\t]*(.*(?:\\n[ \\t].*)*)").matcher(headers(part));
        return m.find() ? m.group(1).replaceAll("\\n[ \\t]+", " ").trim() : "";
    }

    private static String headers(String part) {
        int end = part.indexOf("\n\n");
        return end < 0 ? part : part.substring(0, end);
    }

    private static String body(String part) {
        int end = part.indexOf("\n\n");
        return end < 0 ? "" : part.substring(end + 2);
    }

    private static String plainText(String part) {
        String type = header(part, "Content-Type").toLowerCase(Locale.ROOT);
        if (type.startsWith("multipart/")) {
            Matcher boundary = Pattern.compile("boundary=\"?([^\";]+)\"?", Pattern.CASE_INSENSITIVE).matcher(header(part, "Content-Type"));
            if (boundary.find()) {
                for (String child : body(part).split(Pattern.quote("--" + boundary.group(1)))) {
                    String trimmed = child.replaceFirst("^\\n", "");
                    String childType = header(trimmed, "Content-Type").toLowerCase(Locale.ROOT);
                    if (childType.startsWith("text/plain") || childType.startsWith("multipart/")) {
                        String text = plainText(trimmed);
                        if (!text.isBlank()) {
                            return text;
                        }
                    }
                }
            }
            return "";
        }
        String encoding = header(part, "Content-Transfer-Encoding").toLowerCase(Locale.ROOT);
        Charset charset = charsetOf(type);
        String body = body(part);
        if (encoding.equals("base64")) {
            return new String(Base64.getMimeDecoder().decode(body.replaceAll("\\s", "")), charset);
        }
        byte[] bytes = body.getBytes(StandardCharsets.ISO_8859_1);
        return encoding.equals("quoted-printable") ? new String(quotedPrintable(body), charset) : new String(bytes, charset);
    }

    private static Charset charsetOf(String contentType) {
        Matcher m = Pattern.compile("charset=\"?([^\";]+)").matcher(contentType);
        try {
            return m.find() ? Charset.forName(m.group(1)) : StandardCharsets.UTF_8;
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }

    private static byte[] quotedPrintable(String text) {
        String joined = text.replaceAll("=\\n", "");
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < joined.length(); i++) {
            char c = joined.charAt(i);
            if (c == '=' && i + 2 < joined.length() && isHex(joined.charAt(i + 1)) && isHex(joined.charAt(i + 2))) {
                out.write(Integer.parseInt(joined.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.write((byte) c);
            }
        }
        return out.toByteArray();
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    /** RFC 2047 encoded words, e.g. {@code =?UTF-8?Q?Eich_dolen?=}. */
    private static String decodeWords(String header) {
        Matcher m = Pattern.compile("=\\?([^?]+)\\?([bBqQ])\\?([^?]*)\\?=\\s*").matcher(header);
        StringBuilder decoded = new StringBuilder();
        while (m.find()) {
            Charset charset = Charset.forName(m.group(1));
            byte[] bytes = m.group(2).equalsIgnoreCase("B")
                    ? Base64.getDecoder().decode(m.group(3))
                    : quotedPrintable(m.group(3).replace('_', ' '));
            m.appendReplacement(decoded, Matcher.quoteReplacement(new String(bytes, charset)));
        }
        m.appendTail(decoded);
        return decoded.toString();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
