package io.taquilla.notification.sending;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Twilio adapter against a WireMock stand-in of Twilio's Messages API. */
class TwilioSmsSenderTest {

    private static final String PATH = "/2010-04-01/Accounts/AC123/Messages.json";

    private WireMockServer twilio;
    private TwilioSmsSender sender;

    @BeforeEach
    void start() {
        twilio = new WireMockServer(options().dynamicPort());
        twilio.start();
        sender = new TwilioSmsSender(twilio.baseUrl(), "AC123", "secret-token", "+15005550006");
    }

    @AfterEach
    void stop() {
        twilio.stop();
    }

    @Test
    void postsAFormWithBasicAuthAndReturnsTheMessageSid() throws Exception {
        twilio.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"sid\":\"SM0123456789abcdef\",\"status\":\"queued\"}")));

        SendReceipt receipt = sender.send(new SmsMessage("+34600111222", "Your tickets: https://x.test/a?token=b&c=d"));

        assertThat(receipt.providerId()).isEqualTo("SM0123456789abcdef");
        String basic = Base64.getEncoder().encodeToString("AC123:secret-token".getBytes(StandardCharsets.UTF_8));
        twilio.verify(postRequestedFor(urlEqualTo(PATH))
                .withHeader("Authorization", equalTo("Basic " + basic))
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withRequestBody(containing("To=%2B34600111222"))
                .withRequestBody(containing("From=%2B15005550006"))
                .withRequestBody(containing("Body=Your+tickets%3A+https%3A%2F%2Fx.test%2Fa%3Ftoken%3Db%26c%3Dd")));
    }

    @Test
    void aRefusedNumberIsAPermanentFailure() {
        twilio.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\":21211,\"message\":\"The 'To' number is not a valid phone number.\",\"status\":400}")));

        assertThatThrownBy(() -> sender.send(new SmsMessage("+1", "x")))
                .isInstanceOfSatisfying(SendFailure.class, f -> {
                    assertThat(f.permanent()).isTrue();
                    assertThat(f.getMessage()).contains("400", "21211", "not a valid phone number");
                });
    }

    @Test
    void serverErrorsThrottlingAndWrongCredentialsAreTellingAndOnlyOutagesAreRetried() {
        twilio.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(503).withBody("busy")));
        assertThatThrownBy(() -> sender.send(new SmsMessage("+34600111222", "x")))
                .isInstanceOfSatisfying(SendFailure.class, f -> assertThat(f.permanent()).isFalse());

        twilio.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(429)));
        assertThatThrownBy(() -> sender.send(new SmsMessage("+34600111222", "x")))
                .isInstanceOfSatisfying(SendFailure.class, f -> assertThat(f.permanent()).isFalse());

        twilio.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(401)
                .withBody("{\"code\":20003,\"message\":\"Authenticate\"}")));
        assertThatThrownBy(() -> sender.send(new SmsMessage("+34600111222", "x")))
                .isInstanceOfSatisfying(SendFailure.class, f -> assertThat(f.getMessage()).contains("401", "Authenticate"));
    }

    @Test
    void anUnreachableTwilioIsRetried() {
        TwilioSmsSender unreachable = new TwilioSmsSender("http://127.0.0.1:1", "AC123", "t", "+15005550006");
        assertThatThrownBy(() -> unreachable.send(new SmsMessage("+34600111222", "x")))
                .isInstanceOfSatisfying(SendFailure.class, f -> assertThat(f.permanent()).isFalse());
    }

    @Test
    void withoutCredentialsSmsIsDisabled() {
        assertThat(SmsSender.disabled().configured()).isFalse();
    }
}
