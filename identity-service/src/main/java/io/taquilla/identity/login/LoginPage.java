package io.taquilla.identity.login;

import io.taquilla.identity.IdentityProperties;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The sign-in page: plain HTML that works on a phone without JavaScript, labels always visible,
 * the error summarised at the top. The form posts to {@code /login} (Spring Security's form login).
 */
@RestController
class LoginPage {

    static final String WRONG = "The email address or password is not right. Check them and try again.";

    private final IdentityProperties properties;

    LoginPage(IdentityProperties properties) {
        this.properties = properties;
    }

    @GetMapping(value = "/login", produces = MediaType.TEXT_HTML_VALUE)
    String login(CsrfToken csrf, @RequestParam(required = false) String error,
                 @RequestParam(required = false) String locked, @RequestParam(required = false) String logout) {
        String message = null;
        if (locked != null) {
            message = "This account is locked for " + properties.lockout().duration().toMinutes()
                    + " minutes after too many failed sign-in attempts. Try again later or reset your password.";
        } else if (error != null) {
            message = WRONG;
        }
        StringBuilder html = new StringBuilder(Html.head("Sign in"));
        if (message != null) {
            html.append("""
                    <div class="error-summary" role="alert" aria-labelledby="error-title" tabindex="-1">
                      <h2 id="error-title">There is a problem</h2>
                      <p><a href="#email">%s</a></p>
                    </div>
                    """.formatted(HtmlUtils.htmlEscape(message)));
        }
        if (logout != null) {
            html.append("<p class=\"notice\" role=\"status\">You have signed out.</p>");
        }
        html.append("""
                <h1>Sign in to Taquilla</h1>
                <form method="post" action="login" novalidate>
                  <input type="hidden" name="%s" value="%s">
                  <div class="field%s">
                    <label for="email">Email address</label>
                    %s
                    <input id="email" name="username" type="email" autocomplete="username" spellcheck="false" required%s>
                  </div>
                  <div class="field">
                    <label for="password">Password</label>
                    <input id="password" name="password" type="password" autocomplete="current-password" required>
                  </div>
                  <button type="submit">Sign in</button>
                </form>
                <p><a href="api/identity/password-resets">Forgotten your password?</a></p>
                """.formatted(csrf.getParameterName(), csrf.getToken(), message == null ? "" : " field-error",
                message == null ? "" : "<p class=\"error-message\" id=\"email-error\">" + HtmlUtils.htmlEscape(message) + "</p>",
                message == null ? "" : " aria-describedby=\"email-error\""));
        return html.append(Html.FOOT).toString();
    }
}
