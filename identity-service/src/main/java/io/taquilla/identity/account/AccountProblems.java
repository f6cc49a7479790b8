package io.taquilla.identity.account;

import io.taquilla.web.ApiProblem;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** The problems the invitation and password-reset links answer with. */
public final class AccountProblems {

    private AccountProblems() {
    }

    public static ApiProblem link(OneTimeTokens.State state) {
        switch (state) {
            case USED:
                return new ApiProblem(HttpStatus.GONE, "link-used", "Link already used",
                        "This link was already used. Ask for a new one if you still need it.");
            case EXPIRED:
                return new ApiProblem(HttpStatus.GONE, "link-expired", "Link expired",
                        "This link has expired. Ask for a new one.");
            default:
                return new ApiProblem(HttpStatus.NOT_FOUND, "not-found", "Link not found",
                        "This link is not valid. Check that you copied all of it.");
        }
    }

    public static ApiProblem weakPassword(String reason) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "weak-password", "Invalid request", reason)
                .with("errors", List.of(Map.of("field", "password", "message", reason)));
    }
}
