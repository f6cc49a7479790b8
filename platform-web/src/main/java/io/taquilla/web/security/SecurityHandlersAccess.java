package io.taquilla.web.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 as problem+json, keeping the standard {@code WWW-Authenticate} header. A refused
 * token says why (expired, wrong audience or issuer, unknown key, algorithm not accepted, ...):
 * the reason describes the token the caller sent, never a secret.
 */
public final class SecurityHandlersAccess {

    private SecurityHandlersAccess() {
    }

    public static AuthenticationEntryPoint unauthorized() {
        BearerTokenAuthenticationEntryPoint standard = new BearerTokenAuthenticationEntryPoint();
        return (request, response, e) -> {
            standard.commence(request, response, e);
            boolean tokenRefused = e instanceof OAuth2AuthenticationException;
            write(response, 401, tokenRefused ? "invalid-token" : "unauthorized", "Unauthorized",
                    tokenRefused ? "The bearer token was refused: " + reason(e)
                            : "A valid bearer token is required for " + request.getRequestURI());
        };
    }

    public static AccessDeniedHandler forbidden() {
        BearerTokenAccessDeniedHandler standard = new BearerTokenAccessDeniedHandler();
        return (request, response, e) -> {
            standard.handle(request, response, e);
            write(response, 403, "forbidden", "Forbidden",
                    "Your token does not carry a role allowed to use " + request.getMethod() + " " + request.getRequestURI());
        };
    }

    private static String reason(AuthenticationException e) {
        String message = String.valueOf(e.getMessage());
        // Nimbus prefixes every decoding failure with the same sentence; keep the part that says why.
        return message.replace("An error occurred while attempting to decode the Jwt: ", "");
    }

    private static void write(HttpServletResponse response, int status, String type, String title, String detail)
            throws IOException {
        response.setStatus(status);
        response.setCharacterEncoding("UTF-8");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write("{\"type\":\"https://taquilla.io/problems/" + type + "\",\"title\":\"" + title
                + "\",\"status\":" + status + ",\"detail\":\"" + json(detail) + "\"}");
    }

    private static String json(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
