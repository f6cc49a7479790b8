package io.taquilla.gateway.routing;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * A service that cannot be reached (down, restarting, too slow) becomes 503 or 504 problem+json
 * naming the service, with {@code Retry-After} — never a 500 with a stack trace.
 */
final class UpstreamUnavailable implements BiFunction<Throwable, ServerRequest, ServerResponse> {

    private static final Logger log = LoggerFactory.getLogger(UpstreamUnavailable.class);
    private final String service;

    UpstreamUnavailable(String service) {
        this.service = service;
    }

    /** True for failures to talk to the service, as opposed to bugs in the gateway. */
    static boolean isUpstreamFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTimeout(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException || t instanceof HttpTimeoutException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public ServerResponse apply(Throwable failure, ServerRequest request) {
        boolean timeout = isTimeout(failure);
        HttpStatus status = timeout ? HttpStatus.GATEWAY_TIMEOUT : HttpStatus.SERVICE_UNAVAILABLE;
        log.warn("{} {} -> {}: {} {}", request.method(), request.path(), service, status.value(), failure.toString());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, service
                + (timeout ? " did not answer in time" : " cannot be reached right now") + "; try again shortly.");
        problem.setType(URI.create("https://taquilla.io/problems/" + (timeout ? "upstream-timeout" : "upstream-unavailable")));
        problem.setTitle(timeout ? "Service timed out" : "Service unavailable");
        problem.setProperty("service", service);
        return ServerResponse.status(status)
                .header(HttpHeaders.RETRY_AFTER, "5")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
