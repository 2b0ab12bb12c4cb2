package dev.hcgateway.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A private {@code redis-server --sentinel} on a given port watching one master set, with failure detection
 * tuned down (500 ms) so that a failover in a test takes seconds. Questions go over a plain socket: a sentinel
 * speaks only a few commands, and a client library would add its own reconnect logic to the test.
 */
public final class SentinelNode implements AutoCloseable {

    /** The master set every test sentinel watches. */
    public static final String MASTER_SET = "hcmaster";

    private final Path dir;
    private final int port;
    private Process process;

    /** Prepares a sentinel keeping its (rewritten) config in its own directory under {@code parent}. */
    public SentinelNode(Path parent, int port) throws IOException {
        this.dir = Files.createDirectories(parent.resolve("sentinel-" + port));
        this.port = port;
    }

    /** Starts the sentinel watching {@code primary} with quorum 2; waits until it answers PING. */
    public SentinelNode start(RedisNode primary) throws Exception {
        Path conf = dir.resolve("sentinel.conf");
        Files.writeString(conf, String.join("\n",
                "port " + port, "bind 127.0.0.1", "dir " + dir,
                "sentinel monitor " + MASTER_SET + " 127.0.0.1 " + primary.port() + " 2",
                "sentinel down-after-milliseconds " + MASTER_SET + " 2000",
                "sentinel failover-timeout " + MASTER_SET + " 3000",
                "sentinel parallel-syncs " + MASTER_SET + " 1", ""));
        process = new ProcessBuilder(List.of("redis-server", conf.toString(), "--sentinel")).redirectErrorStream(true)
                .redirectOutput(dir.resolve("sentinel.log").toFile()).start();
        try {
            Eventually.within(Duration.ofSeconds(10), "sentinel on port " + port + " answers",
                    () -> ask("PING").contains("PONG"));
        } catch (AssertionError e) {
            Path log = dir.resolve("sentinel.log");
            throw new AssertionError(e.getMessage() + "; its log: "
                    + (Files.exists(log) ? Files.readString(log) : "(none)"), e);
        }
        return this;
    }

    /** Returns {@code host:port} of the sentinel for a URI. */
    public String address() {
        return "127.0.0.1:" + port;
    }

    /** Returns the port of the primary this sentinel names now, or -1 when it names none. */
    public int primaryPort() {
        List<String> reply = words("SENTINEL get-master-addr-by-name " + MASTER_SET);
        return reply.size() == 2 ? Integer.parseInt(reply.get(1)) : -1;
    }

    /** Returns the sentinel's INFO sentinel section. */
    public String info() {
        return ask("INFO sentinel");
    }

    private String ask(String command) {
        return String.join("\n", words(command));
    }

    /** Sends one inline command; returns the reply's lines without RESP framing, or nothing on failure. */
    private List<String> words(String command) {
        List<String> out = new ArrayList<>();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(2000);
            socket.getOutputStream().write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8));
            read(in, out);
        } catch (IOException | RuntimeException e) {
            out.clear();
        }
        return out;
    }

    private static void read(BufferedReader in, List<String> out) throws IOException {
        String line = in.readLine();
        if (line == null || line.isEmpty()) {
            return;
        }
        switch (line.charAt(0)) {
            case '*' -> {
                for (int i = Integer.parseInt(line.substring(1)); i > 0; i--) {
                    read(in, out);
                }
            }
            case '$' -> {
                int length = Integer.parseInt(line.substring(1));
                if (length >= 0) {
                    char[] body = new char[length + 2];
                    int got = 0;
                    while (got < body.length) {
                        int n = in.read(body, got, body.length - got);
                        if (n < 0) {
                            return;
                        }
                        got += n;
                    }
                    out.add(new String(body, 0, length));
                }
            }
            default -> out.add(line.substring(1));
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
