package io.taquilla.web.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 as problem+json, keeping the standard {@code WWW-Authenticate} header. */
public final class SecurityHandlersAccess {

    private SecurityHandlersAccess() {
    }

    public static AuthenticationEntryPoint unauthorized() {
        BearerTokenAuthenticationEntryPoint standard = new BearerTokenAuthenticationEntryPoint();
        return (request, response, e) -> {
            standard.commence(request, response, e);
            write(response, 401, "unauthorized", "Unauthorized",
                    "A valid bearer token is required for " + request.getRequestURI());
        };
    }

    public static AccessDeniedHandler forbidden() {
        BearerTokenAccessDeniedHandler standard = new BearerTokenAccessDeniedHandler();
        return (request, response, e) -> {
            standard.handle(request, response, e);
            write(response, 403, "forbidden", "Forbidden",
                    "Your token does not carry the role needed for " + request.getRequestURI());
        };
    }

    private static void write(HttpServletResponse response, int status, String type, String title, String detail)
            throws IOException {
        response.setStatus(status);
        response.setCharacterEncoding("UTF-8");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write("{\"type\":\"https://taquilla.io/problems/" + type + "\",\"title\":\"" + title
                + "\",\"status\":" + status + ",\"detail\":\"" + detail.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
    }
}
