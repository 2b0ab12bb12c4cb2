package dev.hcgateway.loadtest.bench;

import dev.hcgateway.code.CodeDecoder;
import dev.hcgateway.code.CryptoProvider;
import dev.hcgateway.code.Decoding;
import java.security.PublicKey;
import java.security.Signature;

/**
 * The cost of one raw ES256 verify on one thread with the native provider: a plain loop over one
 * {@code Signature} (initialised once, as cheap as the provider allows), for the denominator of the headline
 * figure. Prints {@code raw_verify_us=<microseconds>} per verify of the thread's CPU time, and the rate.
 *
 * <pre>hc-loadtest main dev.hcgateway.loadtest.bench.RawVerifyLoop [seconds=5] [provider=native|jdk]</pre>
 */
public final class RawVerifyLoop {

    private RawVerifyLoop() {
    }

    /** Warms up for a second, then verifies for the given seconds. */
    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
        CryptoProvider crypto = BenchFixtures.provider(args.length > 1 ? args[1] : "native");
        BenchFixtures fixtures = new BenchFixtures();
        Decoding.Decoded d = (Decoding.Decoded) new CodeDecoder().decode(fixtures.codes()[0]);
        PublicKey key = fixtures.trustList(crypto).find(d.kid()).key();
        boolean p1363 = true;
        Signature s;
        try {
            s = Signature.getInstance("SHA256withECDSAinP1363Format", crypto.provider());
        } catch (java.security.NoSuchAlgorithmException e) {
            s = Signature.getInstance("SHA256withECDSA", crypto.provider());
            p1363 = false;
        }
        byte[] sig = p1363 ? d.signature() : dev.hcgateway.code.Der.fromP1363(d.signature());
        s.initVerify(key);
        loop(s, d.toBeSigned(), sig, 1.0);
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuStart = cpu.getCurrentThreadCpuTime();
        long[] result = loop(s, d.toBeSigned(), sig, seconds);
        long cpuNanos = cpu.getCurrentThreadCpuTime() - cpuStart;
        // Divide by the thread's CPU time, not the wall clock (as openssl speed divides by user time), so that
        // other processes sharing the core do not inflate the figure.
        double us = cpuNanos / 1000.0 / result[0];
        System.out.printf("provider=%s verifies=%d wall_s=%.2f cpu_s=%.2f rate=%.0f/cpu-s raw_verify_us=%.3f%n",
                crypto.name(), result[0], result[1] / 1e9, cpuNanos / 1e9, 1e6 / us, us);
    }

    private static long[] loop(Signature s, byte[] data, byte[] sig, double seconds) throws Exception {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long start = System.nanoTime();
        long n = 0;
        long now;
        do {
            for (int k = 0; k < 100; k++) {
                s.update(data);
                if (!s.verify(sig)) {
                    throw new IllegalStateException("signature does not verify");
                }
            }
            n += 100;
            now = System.nanoTime();
        } while (now < end);
        return new long[]{n, now - start};
    }
}
