package dev.hcgateway.support;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A test's own corner of a real Redis: a random key prefix, a plain synchronous connection for writing
 * directly (as an issuer's back end would) and for checking, and removal of every key under the prefix.
 */
public final class RedisFixture implements AutoCloseable {

    /** The shared Redis of the test machine ({@code .ci/run} starts one when none answers). */
    public static final String SHARED_URI = "redis://127.0.0.1:6379/0";

    private final String uri;
    private final String prefix;
    private final boolean cleanUp;
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;

    /** Connects to {@code uri} with a fresh random prefix. */
    public RedisFixture(String uri) {
        this(uri, "hctest:" + UUID.randomUUID().toString().substring(0, 8) + ":", true);
    }

    /** Connects to {@code uri} for keys under {@code prefix}; {@code cleanUp}: delete them on close. */
    public RedisFixture(String uri, String prefix, boolean cleanUp) {
        this.uri = uri;
        this.prefix = prefix;
        this.cleanUp = cleanUp;
        RedisURI redisUri = RedisURI.create(uri);
        redisUri.setTimeout(Duration.ofSeconds(5));
        this.client = RedisClient.create(redisUri);
        this.connection = client.connect();
    }

    /** Returns the URI. */
    public String uri() {
        return uri;
    }

    /** Returns this test's key prefix. */
    public String prefix() {
        return prefix;
    }

    /** Returns synchronous commands. */
    public RedisCommands<String, String> redis() {
        return connection.sync();
    }

    /** Initialises the revocation store under the prefix, as {@code store init} does (a new install's first step). */
    public RedisFixture initStore() {
        redis().set(prefix + "revocations:epoch", UUID.randomUUID().toString().substring(0, 16),
                io.lettuce.core.SetArgs.Builder.nx());
        return this;
    }

    /** Deletes every key under the prefix. */
    public void deleteAll() {
        List<String> keys = new ArrayList<>();
        ScanIterator.scan(redis(), ScanArgs.Builder.matches(prefix + "*").limit(1000)).forEachRemaining(keys::add);
        if (!keys.isEmpty()) {
            redis().del(keys.toArray(String[]::new));
        }
    }

    @Override
    public void close() {
        try {
            if (cleanUp) {
                deleteAll();
            }
        } finally {
            connection.close();
            client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
        }
    }
}
