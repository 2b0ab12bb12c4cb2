package dev.hcgateway.loadtest.bench;

import dev.hcgateway.crypto.CryptoProvider;
import dev.hcgateway.hcn1.ValidityBounds;
import dev.hcgateway.config.ConfigLoader;
import dev.hcgateway.issuer.CodeMinter;
import dev.hcgateway.issuer.IssuerKey;
import dev.hcgateway.loadtest.pool.CodePool;
import dev.hcgateway.loadtest.pool.PoolEntry;
import dev.hcgateway.loadtest.pool.PoolGenerator;
import dev.hcgateway.loadtest.pool.PoolMix;
import dev.hcgateway.model.Scene;
import dev.hcgateway.model.Validation;
import dev.hcgateway.pipeline.VerifiedCodes;
import dev.hcgateway.pipeline.VerifyPipeline;
import dev.hcgateway.trust.TrustList;
import dev.hcgateway.trust.TrustListParser;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import dev.hcgateway.revocation.LocalRevocations;

/** Shared set-up of the benchmarks: one issuer, a pool of valid green codes, its trust list, the default scenes. */
public final class BenchFixtures {

    /** Distinct codes each benchmark cycles through (a power of two, to index with a mask). */
    public static final int CODES = 1024;

    private final IssuerKey key;
    private final String[] codes;
    private final Clock clock;

    /** Mints {@code CODES} green personal codes issued now by a fresh test issuer. */
    public BenchFixtures() throws Exception {
        key = IssuerKey.generate("BENCH");
        clock = Clock.systemUTC();
        CryptoProvider crypto = CryptoProvider.select(true);
        CodePool pool = new PoolGenerator(new CodeMinter(key, crypto.nativeCode() ? crypto.provider() : null),
                PoolMix.allGreen(), clock, 1).generate(CODES, Runtime.getRuntime().availableProcessors());
        codes = pool.entries().stream().map(PoolEntry::code).toArray(String[]::new);
    }

    /** Returns the codes. */
    public String[] codes() {
        return codes;
    }

    /** Returns the clock the codes were issued on. */
    public Clock clock() {
        return clock;
    }

    /** Returns the issuer's trust list, its keys built by {@code provider}. */
    public TrustList trustList(CryptoProvider provider) throws Exception {
        return new TrustListParser(provider.ecKeyFactory()).parse(
                key.trustList("bench").encode().getBytes(StandardCharsets.UTF_8), "bench trust list");
    }

    /**
     * Returns the offline in-memory pipeline over this issuer's trust list (no revocations, snapshot colours, the
     * default time rules), its verified-code cache {@code verified}; fails unless every code judges valid in
     * {@code scene}, so a benchmark never times a rejection by mistake.
     */
    public VerifyPipeline pipeline(CryptoProvider crypto, VerifiedCodes verified, MeterRegistry registry,
                                   Scene scene) throws Exception {
        VerifyPipeline pipeline = VerifyPipeline.builder().trust(trustList(crypto)).crypto(crypto)
                .revocations(new LocalRevocations()).clock(clock).time(60, ValidityBounds.SIGNED_EXP)
                .verifiedCodes(verified).build();
        for (String code : codes) {
            Validation judged = pipeline.validate(code, scene);
            if (!(judged instanceof Validation.Valid)) {
                throw new IllegalStateException("fixture code is not valid: " + judged);
            }
        }
        return pipeline;
    }

    /** Returns a scene of the default configuration. */
    public static Scene scene(String name) {
        return new ConfigLoader().defaultsWith(Map.of()).scene(name);
    }

    /** Returns the provider named {@code native} (ACCP) or {@code jdk} (SunEC); fails when native is asked but absent. */
    public static CryptoProvider provider(String name) {
        if (name.equals("jdk")) {
            return CryptoProvider.jdk("benchmark");
        }
        CryptoProvider p = CryptoProvider.select(true);
        if (!p.nativeCode()) {
            throw new IllegalStateException("native provider unavailable: " + p.fallbackWhy());
        }
        return p;
    }
}
