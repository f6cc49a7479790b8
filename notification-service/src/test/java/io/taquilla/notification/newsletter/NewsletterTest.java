package io.taquilla.notification.newsletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.taquilla.notification.ApiCalls;
import io.taquilla.notification.MimeParts;
import io.taquilla.notification.TestEvents;
import io.taquilla.notification.TestMailServer;
import io.taquilla.testsupport.IntegrationTest;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Newsletter double opt-in: subscribe, confirm by the mailed link, unsubscribe from any mailing. */
@IntegrationTest
class NewsletterTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Pattern CONFIRM = Pattern.compile("/newsletter/confirm\\?token=([A-Za-z0-9_-]+)");
    private static final Pattern UNSUBSCRIBE_HEADER = Pattern.compile("<(https?://[^>]+/api/newsletter/unsubscriptions)\\?token=([A-Za-z0-9_-]+)>");

    @LocalServerPort int port;
    @Autowired Jdbi jdbi;

    ApiCalls api;

    @BeforeEach
    void setUp() {
        api = new ApiCalls(port);
    }

    private MimeMessage subscribe(String email, String locale) {
        ApiCalls.Response response = api.postJson("/api/newsletter/subscriptions",
                "{\"email\":\"" + email + "\",\"locale\":\"" + locale + "\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        await().atMost(WAIT).until(() -> TestMailServer.messagesTo(email).size() == 1);
        return TestMailServer.messagesTo(email).get(0);
    }

    private String status(String email) {
        return jdbi.withHandle(h -> h.createQuery("select status from newsletter_subscribers where lower(email) = lower(:e)")
                .bind("e", email).mapTo(String.class).one());
    }

    private static String match(Pattern pattern, String text, int group) {
        Matcher matcher = pattern.matcher(text);
        assertThat(matcher.find()).as(text).isTrue();
        return matcher.group(group);
    }

    @Test
    void aConfirmedSubscriberCanUnsubscribeWithOneClickFromTheHeader() throws Exception {
        String email = TestEvents.email();
        MimeMessage mail = subscribe(email, "en");

        assertThat(mail.getSubject()).isEqualTo("Confirm your subscription to the Taquilla newsletter");
        assertThat(status(email)).isEqualTo("PENDING");
        MimeParts parts = MimeParts.of(mail);
        String token = match(CONFIRM, parts.plainText(), 1);
        assertThat(parts.plainText()).contains("https://tickets.example.test/newsletter/confirm?token=" + token,
                "https://tickets.example.test/newsletter/unsubscribe?token=");
        assertThat(parts.html()).contains("/newsletter/unsubscribe?token&#x3D;");
        String header = mail.getHeader("List-Unsubscribe", null);
        String unsubscribeToken = match(UNSUBSCRIBE_HEADER, header, 2);
        assertThat(mail.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        // Tokens are stored hashed, never in clear.
        assertThat(jdbi.<Integer, RuntimeException>withHandle(h -> h.createQuery("select count(*) from newsletter_tokens where token_hash in (:a, :b)")
                .bind("a", token.getBytes(StandardCharsets.UTF_8)).bind("b", unsubscribeToken.getBytes(StandardCharsets.UTF_8))
                .mapTo(Integer.class).one())).isZero();

        ApiCalls.Response confirmed = api.postJson("/api/newsletter/confirmations", "{\"token\":\"" + token + "\"}");
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(status(email)).isEqualTo("CONFIRMED");
        assertThat(api.postJson("/api/newsletter/confirmations", "{\"token\":\"" + token + "\"}").status())
                .as("a second click on the link").isEqualTo(200);

        ApiCalls.Response oneClick = api.post("/api/newsletter/unsubscriptions?token=" + unsubscribeToken,
                "application/x-www-form-urlencoded", "List-Unsubscribe=One-Click");
        assertThat(oneClick.status()).isEqualTo(200);
        assertThat(status(email)).isEqualTo("UNSUBSCRIBED");
        assertThat(api.postJson("/api/newsletter/unsubscriptions", "{\"token\":\"" + unsubscribeToken + "\"}").status())
                .isEqualTo(200);
        assertThat(api.postJson("/api/newsletter/confirmations", "{\"token\":\"" + token + "\"}").status())
                .as("confirming after unsubscribing does not resubscribe").isEqualTo(404);
    }

    @Test
    void theConfirmationMailIsInTheSubscribersLanguage() throws Exception {
        String email = TestEvents.email();
        MimeMessage mail = subscribe(email, "es-ES");
        assertThat(mail.getSubject()).isEqualTo("Confirma tu suscripción al boletín de Taquilla");
        assertThat(MimeParts.of(mail).plainText()).contains("confírmalo en las próximas 48 horas", "Date de baja");
        assertThat(jdbi.<String, RuntimeException>withHandle(h -> h.createQuery("select locale from newsletter_subscribers where email = :e")
                .bind("e", email).mapTo(String.class).one())).isEqualTo("es");
    }

    @Test
    void unknownAndExpiredTokensAre404Problems() throws Exception {
        String email = TestEvents.email();
        String token = match(CONFIRM, MimeParts.of(subscribe(email, "en")).plainText(), 1);
        jdbi.useHandle(h -> h.createUpdate("update newsletter_tokens set expires_at = now() - interval '1 minute' where token_hash = :h")
                .bind("h", NewsletterTokens.hash(token)).execute());

        for (ApiCalls.Response response : List.of(
                api.postJson("/api/newsletter/confirmations", "{\"token\":\"" + token + "\"}"),
                api.postJson("/api/newsletter/confirmations", "{\"token\":\"no-such-token\"}"),
                api.postJson("/api/newsletter/unsubscriptions", "{\"token\":\"no-such-token\"}"),
                api.postJson("/api/newsletter/unsubscriptions", "{\"token\":\"" + token + "\"}"))) {
            assertThat(response.status()).as(response.body()).isEqualTo(404);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.problemType()).isEqualTo("newsletter-token-not-found");
        }
        assertThat(status(email)).isEqualTo("PENDING");
        assertThat(api.postJson("/api/newsletter/confirmations", "{}").status()).isEqualTo(400);
    }

    @Test
    void aMalformedAddressIsA400Problem() {
        for (String body : new String[] {"{\"email\":\"nope\"}", "{}", "{\"email\":\"a@b\",\"locale\":\"en\"}"}) {
            ApiCalls.Response response = api.postJson("/api/newsletter/subscriptions", body);
            assertThat(response.status()).as(body).isEqualTo(400);
            assertThat(response.problemType()).isEqualTo("invalid-email");
        }
    }
}
