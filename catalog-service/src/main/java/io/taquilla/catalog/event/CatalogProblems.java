package io.taquilla.catalog.event;

import io.taquilla.catalog.event.domain.Lifecycle;
import io.taquilla.catalog.event.domain.Violation;
import io.taquilla.web.ApiProblem;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** The catalog's problem+json answers, each with a stable type. */
final class CatalogProblems {

    private CatalogProblems() {
    }

    static ApiProblem invalid(List<Violation> violations) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
                violations.get(0).field() + " " + violations.get(0).message()
                        + (violations.size() > 1 ? " (and " + (violations.size() - 1) + " more)" : ""))
                .with("errors", fields(violations));
    }

    static ApiProblem belowSold(List<Violation> violations) {
        return new ApiProblem(HttpStatus.CONFLICT, "capacity-below-sold", "Capacity below tickets sold",
                violations.get(0).message()).with("errors", fields(violations));
    }

    static ApiProblem notFound(UUID id) {
        return ApiProblem.notFound("Event", id);
    }

    static ApiProblem versionConflict(UUID id, long given, long current) {
        return new ApiProblem(HttpStatus.CONFLICT, "version-conflict", "Event changed meanwhile",
                "Event " + id + " is at version " + current + ", not " + given + "; reload it and apply your change again")
                .with("currentVersion", current);
    }

    static ApiProblem notEditable(Lifecycle.Refusal refusal) {
        return new ApiProblem(HttpStatus.CONFLICT, "event-cancelled", "Event cancelled",
                "The change was refused: " + refusal.reason());
    }

    static ApiProblem notPublishable(Lifecycle.Refusal refusal) {
        String type = refusal.kind() == Lifecycle.Kind.CANCELLED ? "event-cancelled" : "not-publishable";
        return new ApiProblem(HttpStatus.CONFLICT, type, "Event cannot be published",
                "Publishing was refused: " + refusal.reason()).with("reason", refusal.kind().name());
    }

    static ApiProblem slugTaken(String slug) {
        return new ApiProblem(HttpStatus.CONFLICT, "slug-taken", "Slug already used",
                "Another event already uses the slug " + slug + "; choose another one").with("slug", slug);
    }

    private static List<Map<String, String>> fields(List<Violation> violations) {
        return violations.stream().map(v -> Map.of("field", v.field(), "message", v.message())).toList();
    }
}
