package dev.hcgateway.loadtest.attack;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The connection-level attacks, each bounded by a connection count and a duration, loopback only: idle floods,
 * slow headers, slow bodies, upload floods and pipelining. (The fuzzer is {@link Fuzzer}.)
 */
final class Attacks {

    /** How often a slow client sends its next byte: each byte would reset a plain idle timeout. */
    static final long TRICKLE_MS = 200;
    private final int port;
    private final AttackParams params;

    Attacks(int port, AttackParams params) {
        this.port = port;
        this.params = params;
    }

    /** Opens {@code connections} sockets that send nothing, holds them for the duration. */
    void idleFlood(Tally tally) throws Exception {
        trickle(tally, "", "");
    }

    /** Opens sockets that send a request head one byte at a time and never finish it. */
    void slowHeaders(Tally tally) throws Exception {
        trickle(tally, "", "GET /health/live HTTP/1.1\r\nHost: a\r\nX-Slow: " + "s".repeat(4000));
    }

    /** Opens sockets that send a verify head, then its declared body one byte at a time. */
    void slowBodies(Tally tally) throws Exception {
        trickle(tally, "POST /v1/verify HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\n"
                + "Content-Length: 60000\r\n\r\n", "{\"code\":\"" + "A".repeat(59_000));
    }

    /** Opens the sockets, sends {@code first} at once and {@code drip} a byte per tick; tallies how each ended. */
    private void trickle(Tally tally, String first, String drip) throws Exception {
        List<Socket> sockets = new ArrayList<>();
        for (int i = 0; i < params.connections(); i++) {
            try {
                Socket s = new Socket("127.0.0.1", port);
                s.setSoTimeout(1);
                s.getOutputStream().write(first.getBytes(StandardCharsets.US_ASCII));
                sockets.add(s);
            } catch (IOException e) {
                tally.closedByServer.incrementAndGet(); // refused at connect
            }
        }
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(params.seconds());
        List<Socket> open = new ArrayList<>(sockets);
        for (int tick = 0; System.nanoTime() < end && !open.isEmpty(); tick++) {
            for (var it = open.iterator(); it.hasNext(); ) {
                Socket s = it.next();
                int status = ended(s, drip.isEmpty() ? -1 : drip.charAt(tick % drip.length()));
                if (status >= 0) {
                    tally.add(new Exchange(status, false));
                    it.remove();
                }
            }
            Thread.sleep(TRICKLE_MS); // the attacker's pace
        }
        for (Socket s : open) {
            tally.add(new Exchange(0, true)); // still held open by the server at the end: a hang
            s.close();
        }
        for (Socket s : sockets) {
            s.close();
        }
    }

    /** Sends one byte (unless {@code next} < 0); returns the answer's status, 0 if closed, -1 if still open. */
    private static int ended(Socket s, int next) {
        try {
            if (next >= 0) {
                s.getOutputStream().write(next);
            }
            return s.getInputStream().available() > 0 || s.getInputStream().read() < 0
                    ? readStatus(s) : -1;
        } catch (SocketTimeoutException e) {
            return -1;
        } catch (IOException e) {
            return 0;
        }
    }

    private static int readStatus(Socket s) throws IOException {
        s.setSoTimeout(1000);
        return Exchange.readStatus(s.getInputStream());
    }

    /** Sends {@code uploads} image uploads at full speed at once, each declaring the largest allowed image. */
    void uploadFlood(Tally tally) throws Exception {
        int bytes = 4 << 20;
        byte[] head = ("POST /v1/verify/image HTTP/1.1\r\nHost: a\r\nContent-Type: image/png\r\nContent-Length: "
                + bytes + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[head.length + bytes];
        System.arraycopy(head, 0, request, 0, head.length);
        parallel(params.uploads(), () -> tally.add(Exchange.send(port, request, 10_000)));
    }

    /** Sends {@code pipelined} requests in one write per connection (verify and liveness mixed), counts answers. */
    void pipelining(Tally tally) throws Exception {
        String body = "{\"code\":\"HC1:PIPELINED\"}";
        StringBuilder batch = new StringBuilder();
        for (int i = 0; i < params.pipelined(); i++) {
            batch.append(i % 2 == 0 ? "GET /health/live HTTP/1.1\r\nHost: a\r\n\r\n"
                    : "POST /v1/verify HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\nContent-Length: "
                    + body.length() + "\r\n\r\n" + body);
        }
        batch.append("GET /health/live HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");
        byte[] raw = batch.toString().getBytes(StandardCharsets.US_ASCII);
        parallel(Math.max(1, params.connections() / 8), () -> {
            try (Socket s = new Socket("127.0.0.1", port)) {
                s.setSoTimeout(5000);
                s.getOutputStream().write(raw);
                String all = new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
                for (int at = all.indexOf("HTTP/1.1 "); at >= 0; at = all.indexOf("HTTP/1.1 ", at + 1)) {
                    tally.add(new Exchange(Integer.parseInt(all.substring(at + 9, at + 12)), false));
                }
            } catch (SocketTimeoutException e) {
                tally.add(new Exchange(0, true));
            } catch (IOException e) {
                tally.add(new Exchange(0, false));
            }
        });
    }

    /** Runs {@code task} {@code count} times on up to 32 threads and waits for all. */
    static void parallel(int count, Runnable task) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(32, Math.max(1, count)));
        for (int i = 0; i < count; i++) {
            pool.execute(task);
        }
        pool.shutdown();
        if (!pool.awaitTermination(2, TimeUnit.MINUTES)) {
            pool.shutdownNow();
        }
    }
}
