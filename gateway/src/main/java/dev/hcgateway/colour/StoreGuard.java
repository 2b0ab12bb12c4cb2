package dev.hcgateway.colour;

import dev.hcgateway.model.Degradation;
import dev.hcgateway.authority.Failure;
import dev.hcgateway.authority.LookupResult;
import dev.hcgateway.config.ColourConfig;
import dev.hcgateway.pace.TokenBucket;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Protects the store and the scans from each other: the circuit breaker, the {@code Retry-After} back-off, the
 * lookup rate and the cap on lookups in flight. Every check answers at once: a refused miss degrades, it never
 * waits in a queue. One per store, shared by the lookups of every issuer it answers for and by the document
 * lookups it answers; nothing here is shared between stores. Thread-safe.
 */
final class StoreGuard {

    private static final Logger LOG = LoggerFactory.getLogger(StoreGuard.class);

    private final Clock clock;
    private final String issuer;
    private final int maxInFlight;
    private final CircuitBreaker breaker;
    private final TokenBucket rate;
    private int inFlight;
    private long backOffUntil;

    /** Creates the guard of the store labelled {@code issuer} (an issuer of the configuration, or {@code default}). */
    StoreGuard(Clock clock, ColourConfig config, MeterRegistry registry, String issuer) {
        this.clock = clock;
        this.issuer = issuer;
        this.maxInFlight = config.maxInFlightLookups();
        this.breaker = new CircuitBreaker(clock, config.breakerFailures(), config.breakerOpenMs());
        this.rate = new TokenBucket(clock, config.maxLookupsPerSecond(), config.maxLookupsPerSecond());
        Gauge.builder("hc_colour_breaker_state", breaker, b -> b.state().gauge())
                .description("Circuit breaker over the authoritative store: 0 closed, 1 half-open, 2 open")
                .tag("issuer", issuer).register(registry);
        Gauge.builder("hc_colour_lookups_in_flight", this, StoreGuard::inFlight)
                .description("Lookups (HTTP requests) to the authoritative store in flight")
                .tag("issuer", issuer).register(registry);
    }

    /** Takes a token for one more key to look up; returns null, or why not. */
    Degradation tryTakeToken() {
        return rate.tryTake() ? null : Degradation.RATE_LIMITED;
    }

    /** Gives back a token whose key was refused after all. */
    void giveBackToken() {
        rate.giveBack();
    }

    /** Reserves a slot for one more lookup request; returns null, or why not. */
    synchronized Degradation tryStartLookup() {
        if (clock.millis() < backOffUntil) {
            return Degradation.BACKOFF;
        }
        if (inFlight >= maxInFlight) {
            return Degradation.OVERLOADED;
        }
        if (!breaker.tryAcquire()) {
            return Degradation.BREAKER_OPEN;
        }
        inFlight++;
        return null;
    }

    /** Frees the slot of a finished lookup and learns from its result. */
    void lookupEnded(LookupResult result) {
        CircuitBreaker.State before = breaker.state();
        learn(result);
        CircuitBreaker.State after = breaker.state();
        if (before != after && after == CircuitBreaker.State.OPEN) {
            LOG.warn("authoritative store of {} failing ({}): circuit breaker open, scans decided by stand-ins "
                    + "(degraded)", issuer, ((LookupResult.Unavailable) result).failure().wire());
        } else if (before != after && after == CircuitBreaker.State.CLOSED) {
            LOG.info("authoritative store of {} answers again: circuit breaker closed", issuer);
        }
        synchronized (this) {
            inFlight--;
        }
    }

    private void learn(LookupResult result) {
        if (result instanceof LookupResult.Unavailable u) {
            if (u.failure() == Failure.SHED) {
                synchronized (this) {
                    if (clock.millis() >= backOffUntil) {
                        LOG.warn("authoritative store of {} sheds load: no lookups for {} ms (Retry-After)",
                                issuer, u.retryAfterMillis());
                    }
                    backOffUntil = Math.max(backOffUntil, clock.millis() + u.retryAfterMillis());
                }
                breaker.neutral();
            } else {
                breaker.failure();
            }
        } else {
            breaker.success();
        }
    }

    /** Returns the breaker's state now. */
    CircuitBreaker.State breakerState() {
        return breaker.state();
    }

    synchronized int inFlight() {
        return inFlight;
    }
}
