package dev.hcgateway.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A private {@code redis-server} child process on a spare port, for tests that stop and restart Redis.
 * Persistence is off except for an explicit {@link #stopSaving}, whose dump a later {@link #start} loads.
 */
public final class RedisServerProcess implements AutoCloseable {

    private final Path dir;
    private final int port;
    private Process process;

    /** Prepares a server keeping its dump in {@code dir}, on a port free right now. */
    public RedisServerProcess(Path dir) throws IOException {
        this(dir, freePort());
    }

    /** Prepares a server keeping its dump in {@code dir}, on {@code port}. */
    public RedisServerProcess(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    /** Returns a port nobody listens on at the moment. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Returns the server's URI. */
    public String uri() {
        return "redis://127.0.0.1:" + port + "/0";
    }

    /** Starts the server (loading the dump in its directory, if any) and waits until it answers PING. */
    public RedisServerProcess start() throws Exception {
        process = new ProcessBuilder(List.of("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--daemonize", "no", "--dir", dir.toString(),
                "--dbfilename", "dump.rdb"))
                .redirectErrorStream(true).redirectOutput(dir.resolve("redis-" + port + ".log").toFile()).start();
        Eventually.within(Duration.ofSeconds(10), "redis-server on port " + port + " answers", this::answers);
        return this;
    }

    /** Initialises the revocation store under {@code prefix}, as {@code store init} does; returns this server. */
    public RedisServerProcess initStore(String prefix) {
        try (RedisFixture f = new RedisFixture(uri(), prefix, false)) {
            f.initStore();
        }
        return this;
    }

    /** Stops the server, writing its data to the dump first (SHUTDOWN SAVE): a restart without loss. */
    public void stopSaving() throws Exception {
        shutdown("SAVE");
    }

    /** Stops the server, dropping its data and any old dump (SHUTDOWN NOSAVE): a restart loses everything. */
    public void stopLosingData() throws Exception {
        shutdown("NOSAVE");
        java.nio.file.Files.deleteIfExists(dir.resolve("dump.rdb"));
    }

    private void shutdown(String mode) throws Exception {
        send("SHUTDOWN " + mode);
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("redis-server on port " + port + " did not stop");
        }
    }

    private boolean answers() {
        return send("PING").startsWith("+PONG");
    }

    /** Sends one inline command over a plain socket; returns the first reply line, or "" when none came. */
    private String send(String command) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII));
            String line = in.readLine();
            return line == null ? "" : line;
        } catch (IOException e) {
            return "";
        }
    }

    /** Kills the process if it still runs. */
    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            try {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
