package dev.hcgateway.bundle;

import dev.hcgateway.config.ConfigLoader;
import dev.hcgateway.config.GatewayConfig;
import dev.hcgateway.crypto.CryptoProvider;
import dev.hcgateway.crypto.SignatureVerifiers;
import dev.hcgateway.gate.BundleOpener;
import dev.hcgateway.gate.Opening;
import dev.hcgateway.issuer.IssuerKey;
import dev.hcgateway.model.SubjectKey;
import dev.hcgateway.revocation.LocalRevocations;
import dev.hcgateway.support.TestData;
import dev.hcgateway.truststore.TrustStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Measures the offline bundle at scale: N random 12-byte revoked code ids and N/10 revoked subjects (half under an
 * issuer, half under every issuer) in an in-process revocation set, built and signed by the gateway's
 * {@link BundleBuilder} with the default settings (above 200,000 ids: the Bloom filter), then opened as a gate opens
 * it (signature, payload). Prints the size, the filter's stated rate and the times of several builds (the first
 * warms the JIT). Not a test (the name keeps surefire off it); run, on a quiet machine:
 *
 * <pre>
 * ./mvnw -B -o -q -pl gateway test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/hc-cp.txt -Dmdep.includeScope=test
 * java -Xmx2g -cp gateway/target/test-classes:gateway/target/classes:$(cat /tmp/hc-cp.txt) \
 *     dev.hcgateway.bundle.BundleSizeBenchmark 1000000
 * </pre>
 */
public final class BundleSizeBenchmark {

    private BundleSizeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        SplittableRandom random = new SplittableRandom(20_261_206L);
        LocalRevocations revocations = new LocalRevocations();
        byte[] id = new byte[12];
        for (int i = 0; i < n; i++) {
            for (int b = 0; b < id.length; b++) {
                id[b] = (byte) random.nextInt(256);
            }
            revocations.revokeCode(id);
        }
        for (int i = 0; i < n / 10; i++) {
            revocations.revokeSubject(new SubjectKey(i % 2 == 0 ? "440300" : "*", "s-" + random.nextLong()),
                    1_795_300_000L);
        }
        GatewayConfig config = new ConfigLoader().defaultsWith(Map.of());
        IssuerKey generated = IssuerKey.generate("bundle");
        BundleKey key = new BundleKey(generated.privateKey(),
                dev.hcgateway.gate.BundlePublicKey.of(generated.publicKey()));
        TrustStore trust = TrustStore.fixed(TestData.trustList(CryptoProvider.jdk("benchmark")), new SimpleMeterRegistry());
        BundleBuilder builder = new BundleBuilder(config, trust, revocations, key, Clock.systemUTC());
        BuiltBundle built = null;
        for (int r = 1; r <= runs; r++) {
            long start = System.nanoTime();
            built = builder.build();
            System.out.printf("build %d: %.0f ms%n", r, (System.nanoTime() - start) / 1e6);
        }
        BundleOpener opener = new BundleOpener(key.publicKey(),
                new SignatureVerifiers(CryptoProvider.select(true)).es256());
        Opening opening = null;
        for (int r = 1; r <= runs; r++) {
            long start = System.nanoTime();
            opening = opener.open(built.bytes());
            System.out.printf("open at the gate %d: %.0f ms%n", r, (System.nanoTime() - start) / 1e6);
        }
        var bundle = ((Opening.Opened) opening).bundle();
        System.out.printf("bundle: %,d codes (%s), %,d subjects: %,d bytes (%.2f MiB), stated false-positive rate %.2e%n",
                bundle.revocations().codes().count(), bundle.revocations().codes().getClass().getSimpleName(),
                bundle.revocations().subjects().count(), built.bytes().length, built.bytes().length / 1048576.0,
                bundle.revocations().codes().falsePositiveRate());
    }
}
