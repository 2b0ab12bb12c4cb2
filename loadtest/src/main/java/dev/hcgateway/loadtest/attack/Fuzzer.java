package dev.hcgateway.loadtest.attack;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A bounded, seeded fuzzer over every route: random methods, hostile header lines and framings, and bodies
 * that are random bytes, broken or deeply nested JSON, or lie about their length. Each request goes on its own
 * connection; a 5xx other than 503 or a hang is a finding.
 */
final class Fuzzer {

    static final List<String> PATHS = List.of("/v1/verify", "/v1/verify/batch", "/v1/verify/image",
            "/v1/verify/document", "/admin/v1/revocations", "/admin/v1/invalidations", "/health/live",
            "/health/ready", "/metrics", "/v1/verify/", "/%2e%2e/metrics", "/v1/verify?x=" + "a".repeat(3000));
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "HEAD", "DELETE", "OPTIONS", "PATCH",
            "TRACE", "CONNECT", "BREW");
    private static final List<String> TYPES = List.of("application/json", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x", "image/png", "text/plain", "application/json; charset=latin1", "");

    private final int port;
    private final SplittableRandom random;

    Fuzzer(int port, long seed) {
        this.port = port;
        this.random = new SplittableRandom(seed);
    }

    /** Sends {@code count} fuzzed requests over 8 threads. */
    void run(int count, Tally tally) throws InterruptedException {
        byte[][] requests = new byte[count][];
        for (int i = 0; i < count; i++) {
            requests[i] = next(); // generated up front: the seed alone decides the sequence
        }
        java.util.concurrent.atomic.AtomicInteger at = new java.util.concurrent.atomic.AtomicInteger();
        Attacks.parallel(8, () -> {
            for (int i = at.getAndIncrement(); i < count; i = at.getAndIncrement()) {
                tally.add(Exchange.send(port, requests[i], 5000));
            }
        });
    }

    private byte[] next() {
        String path = pick(PATHS);
        String body = body();
        StringBuilder head = new StringBuilder(pick(METHODS)).append(' ').append(path).append(" HTTP/1.1\r\n");
        head.append("Host: fuzz\r\nConnection: close\r\n");
        String type = pick(TYPES);
        if (!type.isEmpty()) {
            head.append("Content-Type: ").append(type).append("\r\n");
        }
        switch (random.nextInt(8)) {
            case 0 -> head.append("Transfer-Encoding: chunked\r\nContent-Length: ").append(body.length()).append("\r\n");
            case 1 -> head.append("Content-Length: ").append(body.length() + random.nextInt(1, 50)).append("\r\n");
            case 2 -> head.append("Content-Length: -1\r\n");
            case 3 -> head.append("Authorization: Bearer ").append("x".repeat(random.nextInt(1, 100))).append("\r\n")
                    .append("Content-Length: ").append(body.length()).append("\r\n");
            case 4 -> head.append("X-Bad: \u0001\u007f\r\nContent-Length: ").append(body.length()).append("\r\n");
            default -> head.append("Content-Length: ").append(body.length()).append("\r\n");
        }
        return (head + "\r\n" + body).getBytes(StandardCharsets.ISO_8859_1);
    }

    private String body() {
        return switch (random.nextInt(7)) {
            case 0 -> "";
            case 1 -> randomChars(random.nextInt(1, 2000));
            case 2 -> "{\"code\":\"" + randomChars(random.nextInt(0, 600)).replace("\"", "") + "\"}";
            case 3 -> "{\"codes\":[" + "\"HC1:x\",".repeat(random.nextInt(0, 80)) + "\"\"]}";
            case 4 -> "[".repeat(random.nextInt(1, 5000)) + "]".repeat(random.nextInt(0, 5000));
            case 5 -> "{\"code\":" + random.nextLong() + ",\"scene\":{\"a\":[null,true,1e999]}}";
            default -> "{\"code\":\"HC1:" + "A".repeat(random.nextInt(0, 70_000)) + "\"}";
        };
    }

    private String randomChars(int n) {
        char[] chars = new char[n];
        for (int i = 0; i < n; i++) {
            chars[i] = (char) random.nextInt(256);
        }
        return new String(chars);
    }

    private <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }
}
