package dev.hcgateway.pipeline;

import dev.hcgateway.model.Colour;
import dev.hcgateway.model.Outcome;
import dev.hcgateway.pipeline.VerifyPipeline;
import dev.hcgateway.model.Scene;
import dev.hcgateway.support.MintedCodes;
import dev.hcgateway.support.MutableClock;
import dev.hcgateway.support.TestData;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import dev.hcgateway.crypto.CryptoProvider;
import dev.hcgateway.support.VerifyPipelines;

/**
 * A quick, JMH-free measurement (not a test): the event-loop time of starting one batch of 50 valid codes, as
 * {@code BatchHandler} does (every {@code verify} called in one tick; offline colours complete at once), on the
 * native and on the JDK provider. Median of 21 batches after 200 warm-up batches, one thread.
 */
public final class BatchTimings {

    private BatchTimings() {
    }

    public static void main(String[] args) {
        long now = 1_795_300_000L;
        MintedCodes minted = new MintedCodes(now);
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            codes.add(minted.valid(Colour.GREEN));
        }
        Scene scene = VerifyPipelines.permissiveScene();
        for (boolean nativeCrypto : new boolean[]{true, false}) {
            CryptoProvider provider = nativeCrypto ? CryptoProvider.select(true) : CryptoProvider.jdk("measure");
            VerifyPipeline pipeline = VerifyPipelines.create(TestData.trustList(provider), provider,
                    new MutableClock(now), 60);
            double[] ms = new double[21];
            for (int i = -200; i < ms.length; i++) {
                long start = System.nanoTime();
                List<Future<Outcome>> all = new ArrayList<>(codes.size());
                for (String code : codes) {
                    all.add(pipeline.verify(code, scene));
                }
                if (!all.get(49).result().decision().wire().equals("pass")) {
                    throw new IllegalStateException("expected pass");
                }
                if (i >= 0) {
                    ms[i] = (System.nanoTime() - start) / 1e6;
                }
            }
            Arrays.sort(ms);
            System.out.printf("%s: one batch of 50 codes %.2f ms on the event loop (median)%n", provider.name(),
                    ms[ms.length / 2]);
        }
    }
}
