package dev.hcgateway.http;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The overload measurement's server (not a test): the real HTTP edge and pipeline, with a colour stage that
 * answers after a fixed delay, so admitted requests hold their in-flight slot as they would while a store
 * answers. Writes a pool of valid codes for the load generator, then serves until killed.
 *
 * <p>Usage: {@code OverloadBench <port> <maxInFlight> <colourDelayMs> <codesFile>}; see docs/operations.md.
 */
public final class OverloadBench {

    private OverloadBench() {
    }

    /** Starts the server. */
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        ServerFixture fixture = new ServerFixture();
        fixture.colours = new DelayedColours(Long.parseLong(args[2]));
        fixture.with("http.port", port).with("http.maxInFlight", Integer.parseInt(args[1]))
                .with("http.maxConnections", 20_000).with("http.requestTimeoutMs", 5_000);
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            codes.add(fixture.code("s-bench-" + i));
        }
        Files.write(Path.of(args[3]), codes);
        fixture.start(1);
        System.out.println("overload bench listening on " + port + " pid " + ProcessHandle.current().pid());
    }
}
