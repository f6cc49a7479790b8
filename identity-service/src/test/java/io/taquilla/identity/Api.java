package io.taquilla.identity;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** JSON calls against a running identity-service, and the tokens to make them with. */
public final class Api {

    public record Reply(int status, String contentType, JsonNode body, String raw) {}

    private final String base;
    private final HttpClient http = HttpClient.newHttpClient();

    public Api(int port) {
        this.base = "http://localhost:" + port;
    }

    public String base() {
        return base;
    }

    public Reply call(String method, String path, String bearer, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json");
            if (bearer != null) {
                request.header("Authorization", "Bearer " + bearer);
            }
            if (body != null) {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(TokenJson.JSON.writeValueAsString(body)));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body().isBlank() || !response.body().trim().startsWith("{") && !response.body().trim().startsWith("[")
                    ? null : TokenJson.read(response.body());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), json, response.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A platform-admin token from the taquilla-cli client credentials. */
    public String platformAdmin() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("taquilla-cli:test-cli-secret".getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(), HttpResponse.BodyHandlers.ofString());
            return TokenJson.read(response.body()).get("access_token").asString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Logs a person in through the console client (auth code + PKCE); returns the token response. */
    public JsonNode login(String clientId, String email, String password, Map<String, String> extra) {
        AuthCodeLogin browser = new AuthCodeLogin(base);
        browser.start(clientId, "http://127.0.0.1/callback", extra);
        AuthCodeLogin.FormResult result = browser.submit(email, password);
        if (result.location() == null || result.location().contains("/login?")) {
            throw new IllegalStateException("login refused: " + result.location());
        }
        HttpResponse<String> tokens = browser.exchange(clientId, "http://127.0.0.1/callback", browser.code(result));
        if (tokens.statusCode() != 200) {
            throw new IllegalStateException("token exchange " + tokens.statusCode() + ": " + tokens.body());
        }
        return TokenJson.read(tokens.body());
    }

    public String consoleToken(String email, String password) {
        return login("console", email, password, Map.of()).get("access_token").asString();
    }
}
