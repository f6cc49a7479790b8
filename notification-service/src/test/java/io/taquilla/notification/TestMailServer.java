package io.taquilla.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * One real SMTP server (GreenMail) for the test JVM, on a fixed free port chosen once, so the
 * single Spring context of the module keeps pointing at it even while a test stops and restarts
 * it to simulate an outage. Registered in {@code META-INF/spring.factories}, so every test class
 * keeps plain {@code @IntegrationTest} and shares one context. Also shortens the retry back-off.
 */
public class TestMailServer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final int PORT = freePort();
    private static final GreenMail GREEN_MAIL = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    static {
        GREEN_MAIL.start();
        Runtime.getRuntime().addShutdownHook(new Thread(GREEN_MAIL::stop));
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("taquilla-test-mail", Map.of(
                "spring.mail.host", "127.0.0.1",
                "spring.mail.port", PORT,
                "taquilla.notification.public-base-url", "https://tickets.example.test",
                "taquilla.notification.dispatcher.poll-interval", "50ms",
                "taquilla.notification.retry.max-attempts", "5",
                "taquilla.notification.retry.initial-backoff", "100ms",
                "taquilla.notification.retry.max-backoff", "1s")));
    }

    public static int port() {
        return PORT;
    }

    /** Simulates an SMTP outage: connections are refused until {@link #start()}. */
    public static synchronized void stop() {
        GREEN_MAIL.stop();
    }

    public static synchronized void start() {
        if (!GREEN_MAIL.isRunning()) {
            GREEN_MAIL.start();
        }
    }

    /** Every message received so far addressed to {@code recipient}. */
    public static List<MimeMessage> messagesTo(String recipient) {
        return Arrays.stream(GREEN_MAIL.getReceivedMessages()).filter(m -> addressedTo(m, recipient)).toList();
    }

    public static MimeMessage[] all() {
        return GREEN_MAIL.getReceivedMessages();
    }

    private static boolean addressedTo(MimeMessage message, String recipient) {
        try {
            Address[] to = message.getAllRecipients();
            return to != null && Arrays.stream(to).anyMatch(a -> a.toString().equalsIgnoreCase(recipient));
        } catch (MessagingException e) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
