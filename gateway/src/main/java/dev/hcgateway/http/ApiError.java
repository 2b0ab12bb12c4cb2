package dev.hcgateway.http;

import java.util.Objects;

/**
 * An error of the request itself (never of a code): its HTTP status and the body
 * {@code {"error": "<short_code>", "message": "<human sentence>"}}.
 *
 * @param retryAfterSeconds the {@code Retry-After} header, or 0 for none
 */
public record ApiError(int status, String error, String message, int retryAfterSeconds) {

    public ApiError {
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(message, "message");
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("not an error status: " + status);
        }
    }

    /** The answer of a request shed (the in-flight bound, or a standing queue on its loop): at once, never queued. */
    public static final ApiError OVERLOADED = unavailable("overloaded", "The gateway is at capacity; retry shortly.", 1);

    /** Returns the 429 answer of a rate limit for a wait of {@code retryAfterMs}, in whole seconds rounded up. */
    public static ApiError rateLimited(long retryAfterMs) {
        int seconds = (int) Math.min(3600, Math.max(1, (retryAfterMs + 999) / 1000));
        return new ApiError(429, "rate_limited", "Too many requests from this gate or address; retry later.", seconds);
    }

    /** Returns a 400 error. */
    public static ApiError badRequest(String error, String message) {
        return new ApiError(400, error, message, 0);
    }

    /** Returns a 503 error with a {@code Retry-After}. */
    public static ApiError unavailable(String error, String message, int retryAfterSeconds) {
        return new ApiError(503, error, message, retryAfterSeconds);
    }

    /** Returns this error as an exception, to fail a routing context with. */
    public ApiException exception() {
        return new ApiException(this);
    }

    /** An {@link ApiError} travelling through {@code RoutingContext.fail}; it carries no stack trace. */
    public static final class ApiException extends RuntimeException {
        private final transient ApiError error;

        ApiException(ApiError error) {
            super(error.error(), null, false, false);
            this.error = error;
        }

        /** Returns the error to answer with. */
        public ApiError error() {
            return error;
        }
    }
}
