package org.careaccess.testkit;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/** The mail a local SMTP server (GreenMail) received, read the way a person reads it. */
public final class Mails {

    /** One received email: who it went to, its subject, and its text and HTML bodies. */
    public record Mail(List<String> to, String subject, String text, String html) {

        /** The first URL in the text body that contains {@code fragment}. */
        public String link(String fragment) {
            Matcher matcher = Pattern.compile("https?://\\S*" + Pattern.quote(fragment) + "\\S*").matcher(text);
            if (!matcher.find()) {
                throw new AssertionError("no link with " + fragment + " in:\n" + text);
            }
            return matcher.group();
        }
    }

    private final GreenMail server;

    public Mails(GreenMail server) {
        this.server = server;
    }

    /** Every email received so far for this address, oldest first. */
    public List<Mail> to(String address) {
        return Arrays.stream(server.getReceivedMessages())
                .filter(m -> recipients(m).stream().anyMatch(address::equalsIgnoreCase))
                .map(Mails::read)
                .toList();
    }

    /** Waits until this address has received {@code count} emails; returns the latest. */
    public Mail awaitTo(String address, int count, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            List<Mail> mails = to(address);
            if (mails.size() >= count) {
                return mails.get(mails.size() - 1);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("expected " + count + " email(s) to " + address + " within " + timeout + ", got " + mails.size());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static List<String> recipients(MimeMessage message) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(Object::toString).toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Mail read(MimeMessage message) {
        try {
            StringBuilder text = new StringBuilder();
            StringBuilder html = new StringBuilder();
            collect(message, text, html);
            return new Mail(recipients(message), message.getSubject(), text.toString(), html.toString());
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void collect(Part part, StringBuilder text, StringBuilder html) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            text.append(part.getContent());
        } else if (part.isMimeType("text/html")) {
            html.append(part.getContent());
        } else if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                collect(body, text, html);
            }
        }
    }
}
