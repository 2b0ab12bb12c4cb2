package dev.hcgateway.loadtest.attack;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Attacks a running gateway as a hostile client would, one attack at a time with a probe gate alongside, and
 * reports per attack: answers by status, connections the server closed, hangs, and whether the probe was
 * always answered. Loopback only, bounded in count and time (docs/attack.md).
 *
 * <p>{@code java ... AttackSuite http://127.0.0.1:8080 [smoke|full]}; exits 1 when an attack was not held.
 */
public final class AttackSuite {

    private final int port;
    private final AttackParams params;

    AttackSuite(int port, AttackParams params) {
        this.port = port;
        this.params = params;
    }

    /** Runs every attack against a gateway on the loopback {@code url}; returns one tally per attack. */
    public static List<String> run(String url, boolean full) throws Exception {
        return new AttackSuite(loopbackPort(url), full ? AttackParams.full() : AttackParams.smoke()).runAll()
                .stream().map(t -> (t.held() ? "" : "NOT HELD ") + t).toList();
    }

    List<Tally> runAll() throws Exception {
        Attacks attacks = new Attacks(port, params);
        Fuzzer fuzzer = new Fuzzer(port, params.seed());
        // Warm the gateway first: a cold JVM's first seconds (class loading, JIT) are not what an attack measures.
        for (int i = 0; i < 200; i++) {
            Exchange.send(port, "GET /health/live HTTP/1.1\r\nHost: w\r\nConnection: close\r\n\r\n"
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII), 5000);
        }
        List<Tally> tallies = new ArrayList<>();
        tallies.add(under("idle_flood", attacks::idleFlood));
        tallies.add(under("slow_headers", attacks::slowHeaders));
        tallies.add(under("slow_bodies", attacks::slowBodies));
        tallies.add(under("upload_flood", attacks::uploadFlood));
        tallies.add(under("pipelining", attacks::pipelining));
        tallies.add(under("fuzz", t -> fuzzer.run(params.fuzzed(), t)));
        return tallies;
    }

    private interface Attack {
        void run(Tally tally) throws Exception;
    }

    private Tally under(String name, Attack attack) throws Exception {
        Tally tally = new Tally(name);
        long start = System.nanoTime();
        Probe probe = new Probe(port).start();
        try (probe) {
            attack.run(tally);
        } finally {
            probe.stopInto(tally);
            tally.elapsedMs = (System.nanoTime() - start) / 1_000_000;
        }
        return tally;
    }

    /** Returns the port of a loopback URL; refuses any other host, so that the suite cannot attack anyone else. */
    static int loopbackPort(String url) {
        URI uri = URI.create(url);
        if (!"127.0.0.1".equals(uri.getHost()) && !"localhost".equals(uri.getHost())) {
            throw new IllegalArgumentException("the attack suite runs against 127.0.0.1 only, not " + uri.getHost());
        }
        return uri.getPort();
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: AttackSuite http://127.0.0.1:PORT [smoke|full]");
            System.exit(2);
        }
        List<String> lines = run(args[0], args.length > 1 && "full".equals(args[1]));
        lines.forEach(System.out::println);
        System.exit(lines.stream().anyMatch(l -> l.startsWith("NOT HELD")) ? 1 : 0);
    }
}
