package dev.hcgateway.http.edge;

import dev.hcgateway.http.ApiError;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.hcgateway.config.GatewayConfig;
import dev.hcgateway.config.RateLimit;
import dev.hcgateway.pace.TokenBucket;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Per-gate (per scene) and per-address request rates, as token buckets shared by every event loop. The buckets
 * live in bounded maps that forget idle keys, so a flood of made-up gate ids or addresses costs at most
 * {@link #MAX_KEYS} small buckets each and evicts its own entries first (least recently used goes). A gate over
 * its rate is refused on its own; other gates keep their own buckets. Refusals are counted by scene and limit,
 * never by gate or address.
 */
public final class RateLimits {

    /** Buckets kept per map; beyond it the least recently used is dropped (it restarts full: a lenient error). */
    static final int MAX_KEYS = 200_000;
    /** A bucket idle this long is full again anyway, so it is dropped. */
    static final Duration IDLE = Duration.ofMinutes(2);

    private final Clock clock;
    private final GatewayConfig config;
    private final RateLimit perAddress;
    private final Cache<String, TokenBucket> gates;
    private final Cache<String, TokenBucket> addresses;
    private final Map<String, Counter> gateRefusals = new HashMap<>();
    private final Map<String, Counter> addressRefusals = new HashMap<>();

    /** Creates the limits of {@code config}, counting refusals in {@code registry}. */
    public RateLimits(GatewayConfig config, MeterRegistry registry, Clock clock) {
        this.clock = clock;
        this.config = config;
        this.perAddress = config.http().perAddress();
        this.gates = Caffeine.newBuilder().maximumSize(MAX_KEYS).expireAfterAccess(IDLE).executor(Runnable::run)
                .build();
        this.addresses = Caffeine.newBuilder().maximumSize(MAX_KEYS).expireAfterAccess(IDLE).executor(Runnable::run)
                .build();
        // Counters made up front, one per configured scene: the label set is bounded by the configuration.
        for (String scene : config.scenes().keySet()) {
            gateRefusals.put(scene, counter(registry, scene, "gate"));
            addressRefusals.put(scene, counter(registry, scene, "address"));
        }
    }

    private static Counter counter(MeterRegistry registry, String scene, String limit) {
        return Counter.builder("hc_rate_limited").tag("scene", scene).tag("limit", limit)
                .description("Requests refused 429 by a rate limit, by scene and limit (gate or address)")
                .register(registry);
    }

    /**
     * Takes a request of {@code credentials} credentials (a batch's codes) of {@code gate} at {@code scene} from
     * {@code address}: one token per credential, so a batch of N costs what N single scans cost. Returns 0 when
     * allowed, else the milliseconds to wait. The address is charged first: a gate refused by its own bucket still
     * spent its address's tokens, which is what keeps one device behind many fake gate ids bounded too.
     */
    public long tryAcquire(String scene, String gate, String address, int credentials) {
        if (perAddress.limited() && address != null) {
            long wait = addresses.get(address, a -> new TokenBucket(clock, perAddress.perSecond(), perAddress.burst())).take(credentials);
            if (wait > 0) {
                count(addressRefusals, scene);
                return wait;
            }
        }
        RateLimit limit = config.gateRateLimit(scene);
        if (limit.limited() && gate != null) {
            long wait = gates.get(scene + '\n' + gate, k -> new TokenBucket(clock, limit.perSecond(), limit.burst())).take(credentials);
            if (wait > 0) {
                count(gateRefusals, scene);
                return wait;
            }
        }
        return 0;
    }

    private static void count(Map<String, Counter> counters, String scene) {
        Counter c = counters.get(scene);
        if (c != null) {
            c.increment();
        }
    }
}
