package dev.hcgateway.loadtest.bench;

import dev.hcgateway.hcn1.Hcn1Decoder;
import dev.hcgateway.crypto.CryptoProvider;
import dev.hcgateway.format.Decoded;
import java.security.PublicKey;
import java.security.Signature;
import dev.hcgateway.model.HealthCode;
import dev.hcgateway.crypto.Der;

/**
 * The cost of one raw ES256 verify on one thread with the native provider: a plain loop over one
 * {@code Signature} (initialised once, as cheap as the provider allows), for the denominator of the headline
 * figure. Prints {@code raw_verify_us=<microseconds>} per verify of the thread's CPU time, and the rate.
 *
 * <p>{@code distinct} verifies 1,024 different codes of one key in turn instead of one code again and again:
 * the provider's verify is variable-time (public data), so one signature repeated lets the CPU's branch
 * predictors learn its exact path, while a gateway sees a new signature every time.
 *
 * <pre>hc-loadtest main dev.hcgateway.loadtest.bench.RawVerifyLoop [seconds=5] [provider=native|jdk] [same|distinct]</pre>
 */
public final class RawVerifyLoop {

    private RawVerifyLoop() {
    }

    /** Warms up for a second, then verifies for the given seconds. */
    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
        CryptoProvider crypto = BenchFixtures.provider(args.length > 1 ? args[1] : "native");
        BenchFixtures fixtures = new BenchFixtures();
        boolean distinct = args.length > 2 && args[2].equals("distinct");
        String[] codes = distinct ? fixtures.codes() : new String[]{fixtures.codes()[0]};
        Decoded.Signed<HealthCode> d = (Decoded.Signed<HealthCode>) new Hcn1Decoder().decode(codes[0]);
        PublicKey key = fixtures.trustList(crypto).find(d.kid()).key();
        boolean p1363 = true;
        Signature s;
        try {
            s = Signature.getInstance("SHA256withECDSAinP1363Format", crypto.provider());
        } catch (java.security.NoSuchAlgorithmException e) {
            s = Signature.getInstance("SHA256withECDSA", crypto.provider());
            p1363 = false;
        }
        byte[][] data = new byte[codes.length][];
        byte[][] sigs = new byte[codes.length][];
        for (int i = 0; i < codes.length; i++) {
            Decoded.Signed<HealthCode> c = (Decoded.Signed<HealthCode>) new Hcn1Decoder().decode(codes[i]);
            data[i] = c.toBeSigned();
            sigs[i] = p1363 ? c.signature() : Der.fromP1363(c.signature());
        }
        s.initVerify(key);
        loop(s, data, sigs, 1.0);
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuStart = cpu.getCurrentThreadCpuTime();
        long[] result = loop(s, data, sigs, seconds);
        long cpuNanos = cpu.getCurrentThreadCpuTime() - cpuStart;
        // Divide by the thread's CPU time, not the wall clock (as openssl speed divides by user time), so that
        // other processes sharing the core do not inflate the figure.
        double us = cpuNanos / 1000.0 / result[0];
        System.out.printf("provider=%s signatures=%d verifies=%d wall_s=%.2f cpu_s=%.2f rate=%.0f/cpu-s "
                + "raw_verify_us=%.3f%n", crypto.name(), codes.length, result[0], result[1] / 1e9, cpuNanos / 1e9,
                1e6 / us, us);
    }

    private static long[] loop(Signature s, byte[][] data, byte[][] sigs, double seconds) throws Exception {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long start = System.nanoTime();
        long n = 0;
        long now;
        do {
            for (int k = 0; k < 100; k++) {
                int i = (int) ((n + k) % data.length);
                s.update(data[i]);
                if (!s.verify(sigs[i])) {
                    throw new IllegalStateException("signature does not verify");
                }
            }
            n += 100;
            now = System.nanoTime();
        } while (now < end);
        return new long[]{n, now - start};
    }
}
