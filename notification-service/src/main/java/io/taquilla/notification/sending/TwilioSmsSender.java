package io.taquilla.notification.sending;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Twilio's Messages API over plain HTTPS ({@code POST /2010-04-01/Accounts/{sid}/Messages.json},
 * form-encoded, basic auth with the account sid and auth token) — no SDK needed for one call.
 * 4xx answers other than 429 are permanent (bad number, unverified sender); 5xx, 429 and network
 * errors are retried.
 */
public class TwilioSmsSender implements SmsSender {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;
    private final URI messagesUri;
    private final String authorization;
    private final String from;

    public TwilioSmsSender(String apiBase, String accountSid, String authToken, String from) {
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String base = apiBase.endsWith("/") ? apiBase.substring(0, apiBase.length() - 1) : apiBase;
        this.messagesUri = URI.create(base + "/2010-04-01/Accounts/" + encode(accountSid) + "/Messages.json");
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((accountSid + ":" + authToken).getBytes(StandardCharsets.UTF_8));
        this.from = from;
    }

    @Override
    public SendReceipt send(SmsMessage message) throws SendFailure {
        String form = "To=" + encode(message.to()) + "&From=" + encode(from) + "&Body=" + encode(message.body());
        HttpRequest request = HttpRequest.newBuilder(messagesUri)
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", authorization)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new SendFailure("Twilio unreachable: " + e, false, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SendFailure("interrupted while calling Twilio", false, e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return new SendReceipt(field(response.body(), "sid"));
        }
        String detail = "Twilio answered " + status + ": " + describe(response.body());
        boolean permanent = status >= 400 && status < 500 && status != 429 && status != 408;
        throw new SendFailure(detail, permanent, null);
    }

    private static String describe(String body) {
        String code = field(body, "code");
        String text = field(body, "message");
        if (text == null) {
            return body == null ? "" : body.substring(0, Math.min(body.length(), 200));
        }
        return (code == null ? "" : "code " + code + ", ") + text;
    }

    private static String field(String body, String name) {
        try {
            JsonNode node = JSON.readTree(body).get(name);
            return node == null || node.isNull() ? null : node.asString();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
