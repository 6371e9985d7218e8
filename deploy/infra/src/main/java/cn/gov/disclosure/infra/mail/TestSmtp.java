package cn.gov.disclosure.infra.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A real SMTP server for the tests (GreenMail, on a free port of 127.0.0.1): the service's {@code quarkus-mailer} sends
 * to it over SMTP, and a test reads what arrived ({@link #received()}). One server per test JVM, shared by the test
 * classes like the other real parts.
 */
public class TestSmtp implements QuarkusTestResourceLifecycleManager {

    /** One mail as it arrived: recipients, subject and the plain-text body, decoded. */
    public record Received(List<String> to, String from, String subject, String body) {}

    private static GreenMail server;

    public static synchronized GreenMail server() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
        }
        return server;
    }

    /** Every mail received so far. */
    public static List<Received> received() {
        return Arrays.stream(server().getReceivedMessages()).map(TestSmtp::read).toList();
    }

    @Override
    public Map<String, String> start() {
        GreenMail s = server();
        return Map.of(
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", String.valueOf(s.getSmtp().getPort()),
                "quarkus.mailer.mock", "false",
                "quarkus.mailer.start-tls", "DISABLED",
                "quarkus.mailer.tls", "false");
    }

    /** Nothing: the server lives until the JVM ends (shared by every test class). */
    @Override
    public void stop() {}

    private static Received read(MimeMessage m) {
        try {
            Object content = m.getContent();
            String body = content instanceof String text ? text : String.valueOf(content);
            return new Received(
                    Arrays.stream(m.getAllRecipients()).map(Object::toString).toList(),
                    m.getFrom() == null ? null : m.getFrom()[0].toString(),
                    m.getSubject(),
                    body);
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot read a received mail", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
