package io.taquilla.identity;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a browser does for authorization code + PKCE, done with a plain HTTP client that keeps
 * cookies: GET /oauth2/authorize, get sent to /login, post the form, follow back, exchange the code.
 */
public final class AuthCodeLogin {

    /** The outcome of posting the login form: where it sent the browser. */
    public record FormResult(int status, String location) {}

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String verifier;
    private String lastPage;

    public AuthCodeLogin(String base) {
        this.base = base;
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        this.verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** Starts the flow and lands on the login page; returns its HTML. */
    public String start(String clientId, String redirectUri, Map<String, String> extra) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", clientId);
        query.put("redirect_uri", redirectUri);
        query.put("scope", "openid");
        query.put("state", "st" + System.nanoTime());
        query.put("code_challenge", challenge(verifier));
        query.put("code_challenge_method", "S256");
        query.putAll(extra);
        HttpResponse<String> authorize = get(base + "/oauth2/authorize?" + form(query));
        if (authorize.statusCode() != 302) {
            throw new IllegalStateException("authorize answered " + authorize.statusCode() + ": " + authorize.body());
        }
        HttpResponse<String> login = get(resolve(authorize.uri(), authorize.headers().firstValue("Location").orElseThrow()));
        lastPage = login.body();
        return lastPage;
    }

    /** Posts email and password on the login page last shown. */
    public FormResult submit(String email, String password) {
        Matcher csrf = CSRF.matcher(lastPage);
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on the login page");
        }
        HttpResponse<String> posted = send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", email, "password", password,
                        "_csrf", csrf.group(1))))).build());
        String location = posted.headers().firstValue("Location").map(l -> resolve(posted.uri(), l)).orElse(null);
        return new FormResult(posted.statusCode(), location);
    }

    /** Opens a page (e.g. the login page after a failure) and remembers it for the next submit. */
    public String open(String url) {
        lastPage = get(url).body();
        return lastPage;
    }

    /** Follows the redirect after a successful login back through /oauth2/authorize to the client: the code. */
    public String code(FormResult loggedIn) {
        String location = loggedIn.location();
        for (int hops = 0; hops < 5; hops++) {
            if (location.contains("code=") && !location.contains("/oauth2/authorize")) {
                return query(location).get("code");
            }
            HttpResponse<String> next = get(location);
            if (next.statusCode() != 302) {
                throw new IllegalStateException("expected a redirect, got " + next.statusCode() + ": " + next.body());
            }
            location = resolve(next.uri(), next.headers().firstValue("Location").orElseThrow());
        }
        throw new IllegalStateException("no authorization code after 5 redirects");
    }

    /** POST /oauth2/token for the code; returns the raw JSON and status. */
    public HttpResponse<String> exchange(String clientId, String redirectUri, String code) {
        return send(HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "authorization_code", "code", code,
                        "redirect_uri", redirectUri, "client_id", clientId, "code_verifier", verifier)))).build());
    }

    /** POST /oauth2/token with a refresh token, as the public door app does. */
    public HttpResponse<String> refresh(String clientId, String refreshToken) {
        return send(HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "refresh_token",
                        "refresh_token", refreshToken, "client_id", clientId)))).build());
    }

    private HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").GET().build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String resolve(URI current, String location) {
        return current.resolve(location).toString();
    }

    static Map<String, String> query(String url) {
        String query = URI.create(url).getRawQuery();
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            out.put(pair.substring(0, eq), java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    static String form(Map<String, String> values) {
        return values.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
