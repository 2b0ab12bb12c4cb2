package dev.hcgateway.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A private {@code redis-server} on a given port for failover tests: it can be made a replica, killed without
 * warning (SIGKILL, no save) and restarted from whatever dump its directory holds. Commands go through a
 * short-lived {@link RedisFixture} connection.
 */
public final class RedisNode implements AutoCloseable {

    private final Path dir;
    private final int port;
    private Process process;

    /** Prepares a node keeping its dump in its own directory under {@code parent}. */
    public RedisNode(Path parent, int port) throws Exception {
        this.dir = Files.createDirectories(parent.resolve("redis-" + port));
        this.port = port;
    }

    /** Returns the node's URI. */
    public String uri() {
        return "redis://127.0.0.1:" + port + "/0";
    }

    /** Returns the port. */
    public int port() {
        return port;
    }

    /** Returns the dump file the node saves to and starts from. */
    public Path dump() {
        return dir.resolve("dump.rdb");
    }

    /** Starts the node (from its dump, if any), a replica of {@code primary} when not null; waits for PING. */
    public RedisNode start(RedisNode primary) throws Exception {
        List<String> args = new ArrayList<>(List.of("redis-server", "--port", Integer.toString(port), "--bind",
                "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no", "--dir", dir.toString(),
                "--dbfilename", "dump.rdb"));
        if (primary != null) {
            args.addAll(List.of("--replicaof", "127.0.0.1", Integer.toString(primary.port)));
        }
        process = new ProcessBuilder(args).redirectErrorStream(true)
                .redirectOutput(dir.resolve("redis.log").toFile()).start();
        Eventually.within(Duration.ofSeconds(10), "redis-server on port " + port + " answers", this::answers);
        return this;
    }

    /** Runs one command and returns its reply as text. */
    public String command(String... words) {
        try (RedisFixture f = new RedisFixture(uri(), "unused:", false)) {
            var args = new io.lettuce.core.protocol.CommandArgs<>(io.lettuce.core.codec.StringCodec.UTF8);
            for (int i = 1; i < words.length; i++) {
                args.add(words[i]);
            }
            Object reply = f.redis().dispatch(io.lettuce.core.protocol.CommandType.valueOf(words[0]),
                    new io.lettuce.core.output.NestedMultiOutput<>(io.lettuce.core.codec.StringCodec.UTF8), args);
            return String.valueOf(reply);
        }
    }

    /** Initialises the revocation store under {@code prefix}, as {@code store init} does; returns this node. */
    public RedisNode initStore(String prefix) {
        try (RedisFixture f = new RedisFixture(uri(), prefix, false)) {
            f.initStore();
        }
        return this;
    }

    /** Kills the process without saving: what a crash of the host does. */
    public void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private boolean answers() {
        try {
            return command("PING").contains("PONG");
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        try {
            kill();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
