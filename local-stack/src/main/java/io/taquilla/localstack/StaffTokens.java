package io.taquilla.localstack;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real staff tokens from identity-service, the way clients get them: client credentials for the
 * script client, and for people the browser flow done with an HTTP client that keeps cookies
 * (GET /oauth2/authorize, post the login form, follow back, exchange the code with PKCE).
 * Used by {@code ./taquilla token}, the demo and the end-to-end tests.
 */
public final class StaffTokens {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;

    /** @param base where identity answers: the gateway URL (or identity's own) */
    public StaffTokens(String base) {
        this.base = base;
    }

    /** An access token for a confidential client-credentials client (e.g. taquilla-cli). */
    public String clientCredentials(String clientId, String secret) {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> response = send(http, HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build());
        return accessToken(response);
    }

    /**
     * Logs a person in through {@code clientId} (console or door-app) and returns the token response
     * ({@code access_token}, and for the door app {@code refresh_token}).
     */
    public JsonNode login(String clientId, String redirectUri, String email, String password, Map<String, String> extra) {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", clientId);
        query.put("redirect_uri", redirectUri);
        query.put("scope", "openid");
        query.put("state", Long.toHexString(System.nanoTime()));
        query.put("code_challenge", challenge(verifier));
        query.put("code_challenge_method", "S256");
        query.putAll(extra);
        HttpResponse<String> authorize = get(http, base + "/oauth2/authorize?" + form(query));
        HttpResponse<String> loginPage = get(http, location(authorize));
        Matcher csrf = CSRF.matcher(loginPage.body());
        if (!csrf.find()) {
            throw new IllegalStateException("no login form at " + loginPage.uri() + " (" + loginPage.statusCode() + ")");
        }
        HttpResponse<String> posted = send(http, HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", email, "password", password, "_csrf", csrf.group(1)))))
                .build());
        String next = location(posted);
        if (next.contains("/login?")) {
            throw new IllegalStateException("identity refused the login of " + email);
        }
        for (int hops = 0; hops < 5 && !next.startsWith(redirectUri); hops++) {
            next = location(get(http, next));
        }
        String code = query(next).get("code");
        if (code == null) {
            throw new IllegalStateException("no authorization code in " + next.replaceAll("code=[^&]+", "code=…"));
        }
        HttpResponse<String> tokens = send(http, HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "authorization_code", "code", code,
                        "redirect_uri", redirectUri, "client_id", clientId, "code_verifier", verifier)))).build());
        if (tokens.statusCode() != 200) {
            throw new IllegalStateException("token exchange failed: " + tokens.statusCode() + " " + tokens.body());
        }
        return JSON.readTree(tokens.body());
    }

    private static String accessToken(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException("identity refused the token request: " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body()).get("access_token").asString();
    }

    private static String location(HttpResponse<String> response) {
        String location = response.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("expected a redirect from " + response.uri() + ", got " + response.statusCode()));
        return response.uri().resolve(location).toString();
    }

    private static HttpResponse<String> get(HttpClient http, String url) {
        return send(http, HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").GET().build());
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("identity-service is not reachable at " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> query(String url) {
        Map<String, String> out = new LinkedHashMap<>();
        String raw = URI.create(url).getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    out.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }

    private static String form(Map<String, String> values) {
        return values.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
