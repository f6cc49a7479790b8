package io.taquilla.identity.account;

import io.taquilla.identity.login.Html;
import io.taquilla.web.ApiProblem;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public links: accept an invitation, ask for and complete a password reset. Each speaks JSON
 * (for the console and scripts) and plain HTML forms (for the person who clicked the emailed link,
 * no JavaScript needed). Tokens appear in paths only; nothing here logs them.
 */
@RestController
@RequestMapping("/api/identity")
class AccountLinksController {

    record PasswordRequest(String password) {}

    record ResetRequest(String email) {}

    private final SetPassword setPassword;
    private final RequestPasswordReset reset;

    AccountLinksController(SetPassword setPassword, RequestPasswordReset reset) {
        this.setPassword = setPassword;
        this.reset = reset;
    }

    // --- invitations -------------------------------------------------------------------------------

    @GetMapping(value = "/invitations/{token}", produces = MediaType.APPLICATION_JSON_VALUE)
    SetPassword.InvitationView invitation(@PathVariable String token) {
        return setPassword.invitation(token);
    }

    @PostMapping(value = "/invitations/{token}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, String> accept(@PathVariable String token, @RequestBody PasswordRequest request) {
        return Map.of("email", setPassword.set(token, OneTimeTokens.Purpose.INVITATION, request.password()).email(),
                "status", "ACTIVE");
    }

    @GetMapping(value = "/invitations/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> invitationPage(@PathVariable String token) {
        try {
            SetPassword.InvitationView view = setPassword.invitation(token);
            String what = view.organizerName() == null ? "Taquilla as " + view.role() : view.organizerName() + " as " + view.role();
            return page(HttpStatus.OK, "Accept your invitation", null,
                    "<p>Hello " + Html.escape(view.name()) + ", you have been invited to " + Html.escape(what) + ".</p>"
                            + "<p>Your sign-in email is <strong>" + Html.escape(view.email()) + "</strong>.</p>"
                            + passwordForm("Choose a password", "Activate my account"));
        } catch (ApiProblem problem) {
            return page(problem.status(), "Invitation", problem.getMessage(), "");
        }
    }

    @PostMapping(value = "/invitations/{token}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> acceptForm(@PathVariable String token, @RequestParam(defaultValue = "") String password) {
        return setFromForm(token, OneTimeTokens.Purpose.INVITATION, password, "Accept your invitation", "Activate my account");
    }

    // --- password resets ---------------------------------------------------------------------------

    @PostMapping(value = "/password-resets", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, String>> requestReset(@RequestBody ResetRequest request) {
        reset.request(request.email());
        return ResponseEntity.accepted().body(Map.of("detail",
                "If the address belongs to an account, a reset link is on its way."));
    }

    @GetMapping(value = "/password-resets", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> resetRequestPage() {
        return page(HttpStatus.OK, "Reset your password", null, """
                <form method="post" novalidate>
                  <div class="field"><label for="email">Email address</label>
                  <input id="email" name="email" type="email" autocomplete="username" required></div>
                  <button type="submit">Send me a reset link</button>
                </form>""");
    }

    @PostMapping(value = "/password-resets", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> requestResetForm(@RequestParam(defaultValue = "") String email) {
        reset.request(email);
        return page(HttpStatus.ACCEPTED, "Check your email", null,
                "<p role=\"status\">If the address belongs to an account, a reset link is on its way. It works once, for a short time.</p>"
                        + "<p><a href=\"../../login\">Back to sign in</a></p>");
    }

    @GetMapping(value = "/password-resets/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> resetPage(@PathVariable String token) {
        try {
            String email = setPassword.resetEmail(token);
            return page(HttpStatus.OK, "Choose a new password", null,
                    "<p>For <strong>" + Html.escape(email) + "</strong>.</p>" + passwordForm("New password", "Save new password"));
        } catch (ApiProblem problem) {
            return page(problem.status(), "Reset your password", problem.getMessage(), "");
        }
    }

    @PostMapping(value = "/password-resets/{token}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, String> completeReset(@PathVariable String token, @RequestBody PasswordRequest request) {
        return Map.of("email", setPassword.set(token, OneTimeTokens.Purpose.PASSWORD_RESET, request.password()).email(),
                "status", "ACTIVE");
    }

    @PostMapping(value = "/password-resets/{token}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> completeResetForm(@PathVariable String token, @RequestParam(defaultValue = "") String password) {
        return setFromForm(token, OneTimeTokens.Purpose.PASSWORD_RESET, password, "Choose a new password", "Save new password");
    }

    // --- pages -------------------------------------------------------------------------------------

    private ResponseEntity<String> setFromForm(String token, OneTimeTokens.Purpose purpose, String password, String title,
                                               String button) {
        try {
            setPassword.set(token, purpose, password);
            return page(HttpStatus.OK, "Password saved", null,
                    "<p role=\"status\">Your password is saved. You can sign in now from the console or the door app.</p>");
        } catch (ApiProblem problem) {
            boolean retry = "weak-password".equals(problem.type());
            return page(problem.status(), title, problem.getMessage(), retry ? passwordForm("Choose a password", button) : "");
        }
    }

    private static String passwordForm(String label, String button) {
        return """
                <form method="post" novalidate>
                  <div class="field"><label for="password">%s</label>
                  <p id="password-hint">At least 12 characters, and not your email address.</p>
                  <input id="password" name="password" type="password" autocomplete="new-password" aria-describedby="password-hint" required></div>
                  <button type="submit">%s</button>
                </form>""".formatted(Html.escape(label), Html.escape(button));
    }

    private static ResponseEntity<String> page(HttpStatus status, String title, String error, String body) {
        StringBuilder html = new StringBuilder(Html.head(title));
        if (error != null) {
            html.append("<div class=\"error-summary\" role=\"alert\"><h2>There is a problem</h2><p>")
                    .append(Html.escape(error)).append("</p></div>");
        }
        html.append("<h1>").append(Html.escape(title)).append("</h1>").append(body).append(Html.FOOT);
        return ResponseEntity.status(status).contentType(MediaType.TEXT_HTML).body(html.toString());
    }
}
