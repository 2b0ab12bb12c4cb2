package dev.hcgateway.http.connection;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts the connections the gateway closes to protect the others, {@code hc_connections_closed_total} by reason:
 * {@code header_timeout}, {@code idle}, {@code body_rate}, {@code reclaimed} (at the bound, for a new one) and
 * {@code surplus} (over a bound and silent for a second, or past the surplus bound). A fixed set of reasons, so
 * the label stays bounded.
 */
final class ClosedConnections {

    private final Map<String, Counter> byReason = new HashMap<>();

    ClosedConnections(MeterRegistry registry) {
        for (String reason : List.of("header_timeout", "idle", "body_rate", "reclaimed", "surplus")) {
            byReason.put(reason, Counter.builder("hc_connections_closed").tag("reason", reason)
                    .description("Client connections the gateway closed to protect the others, by reason")
                    .register(registry));
        }
    }

    /** Counts one closed connection; {@code reason} is one of the fixed reasons. */
    void count(String reason) {
        byReason.get(reason).increment();
    }
}
