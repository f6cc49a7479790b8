package io.taquilla.catalog;

import io.taquilla.web.ApiProblem;
import io.taquilla.web.ProblemHandler;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * A path or query parameter of the wrong type ({@code /api/admin/events/not-a-uuid},
 * {@code ?size=abc}) gets a stable problem type like every other bad input. platform-web leaves
 * these to Spring's default {@code about:blank} problem; this fills the gap until it does not.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class CatalogWebErrors {

    private final ProblemHandler problems;

    CatalogWebErrors(ProblemHandler problems) {
        this.problems = problems;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() == null ? "another type" : e.getRequiredType().getSimpleName();
        return problems.apiProblem(new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid request",
                e.getName() + " is not a valid " + expected)
                .with("errors", List.of(Map.of("field", e.getName(), "message", "is not a valid " + expected))));
    }
}
