package dev.hcgateway.loadtest.attack;

import java.nio.charset.StandardCharsets;

/**
 * A live gate during an attack: every 50 ms, on a fresh connection, a liveness check and a verify of a code that
 * is denied. Either should be answered with 200; anything else (a 503 "too many connections", a reset, a hang)
 * is a failed probe. A gate retries, so what decides is the longest outage: the longest time between a failed
 * probe and the last answered one, which must stay under {@link #MAX_OUTAGE_MS}.
 */
final class Probe implements AutoCloseable {

    /** The longest a gate may go unanswered: a retry after Retry-After (1 s) and one more. */
    static final long MAX_OUTAGE_MS = 2000;
    private static final String CODE_BODY = "{\"code\":\"HC1:NOT-A-REAL-CODE\"}";
    private final int port;
    private final Thread thread;
    private volatile boolean stopped;
    private long ok;
    private long failed;
    private long maxMs;
    private long lastOk = System.nanoTime();
    private long outageMs;

    Probe(int port) {
        this.port = port;
        this.thread = new Thread(this::run, "attack-probe");
        this.thread.setDaemon(true);
    }

    Probe start() {
        thread.start();
        return this;
    }

    private void run() {
        byte[] live = "GET /health/live HTTP/1.1\r\nHost: probe\r\nConnection: close\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII);
        byte[] verify = ("POST /v1/verify HTTP/1.1\r\nHost: probe\r\nConnection: close\r\nContent-Type: application/json"
                + "\r\nContent-Length: " + CODE_BODY.length() + "\r\n\r\n" + CODE_BODY).getBytes(StandardCharsets.US_ASCII);
        boolean flip = false;
        while (!stopped) {
            long start = System.nanoTime();
            Exchange answer = Exchange.send(port, (flip = !flip) ? live : verify, 3000);
            long ms = (System.nanoTime() - start) / 1_000_000;
            synchronized (this) {
                if (answer.status() == 200) {
                    ok++;
                    lastOk = System.nanoTime();
                } else {
                    failed++;
                    outageMs = Math.max(outageMs, (System.nanoTime() - lastOk) / 1_000_000);
                }
                maxMs = Math.max(maxMs, ms);
            }
            try {
                Thread.sleep(50); // the probe's own pace
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Stops the probe and writes its record into {@code tally}. */
    void stopInto(Tally tally) throws InterruptedException {
        stopped = true;
        thread.join(5000);
        synchronized (this) {
            tally.probeOk = ok;
            tally.probeFailed = failed;
            tally.probeMaxMs = maxMs;
            tally.probeOutageMs = outageMs;
        }
    }

    @Override
    public void close() {
        stopped = true;
    }
}
