package dev.hcgateway.dcc;

import dev.hcgateway.model.CodeKind;
import dev.hcgateway.crypto.CryptoProvider;
import dev.hcgateway.model.Colour;
import dev.hcgateway.issuer.CodeClaims;
import dev.hcgateway.model.Validation;
import dev.hcgateway.pipeline.VerifyPipeline;
import dev.hcgateway.model.Scene;
import dev.hcgateway.support.Gateways;
import dev.hcgateway.support.MutableClock;
import dev.hcgateway.support.TestData;
import dev.hcgateway.trust.TrustList;
import dev.hcgateway.trust.TrustListParser;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Provider;
import java.security.Security;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import dev.hcgateway.crypto.Ps256Verifier;
import dev.hcgateway.revocation.LocalRevocations;
import dev.hcgateway.support.VerifyPipelines;

/**
 * DCC costs (docs/dcc.md, "Performance"): the in-memory pipeline on a DCC signed with ES256 against the same on
 * an HCN1 code, and a raw PS256 verify at 2048 and 3072 bits, per provider ({@code native}: ACCP, {@code jdk}:
 * SunEC / SunRsaSign). Run: see docs/dcc.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DccVerifyBenchmark {

    @Param({"native", "jdk"})
    public String provider;

    private VerifyPipeline pipeline;
    private Scene scene;
    private String dcc;
    private String hcn1;
    private Ps256Verifier ps256;
    private KeyPair rsa2048;
    private KeyPair rsa3072;
    private byte[] data;
    private byte[] sig2048;
    private byte[] sig3072;

    @Setup
    public void assemble() throws Exception {
        CryptoProvider crypto = provider.equals("native") ? CryptoProvider.select(true) : CryptoProvider.jdk("bench");
        Instant from = Instant.parse("2021-01-01T00:00:00Z");
        DccCorpus.Dsc dsc = DccCorpus.dsc("AT", DccCorpus.ec(), from, from.plusSeconds(86400L * 3650));
        long now = TestData.VECTORS_NOW;
        dcc = DccCorpus.signer(dsc).sign(DccCorpus.vaccination("AT", now - 60, now + 86400 * 300,
                "URN:UVCI:01:AT:10807843F94AEE0EE5093FBC254BD813#B", 2, 2, "2021-04-01"));
        hcn1 = TestData.minter("330100").mint(new CodeClaims("330100", "s-bench-1", now - 60, now + 86400,
                new byte[]{1, 2, 3, 4, 5, 6, 7, 8}, Colour.GREEN, now - 60, CodeKind.PERSONAL, null, false));
        TrustList issuers = TestData.trustList(crypto);
        TrustList dscs = new TrustListParser(crypto.ecKeyFactory()).parse(
                DccCorpus.trustJson(List.of(dsc)).getBytes(StandardCharsets.UTF_8), "bench");
        TrustList both = new TrustList(issuers.keys(), dscs.dscs(), "bench");
        MutableClock clock = new MutableClock(now);
        pipeline = VerifyPipelines.offline(both, crypto, clock).revocations(new LocalRevocations()).build();
        scene = Gateways.config(Map.of()).scene("airport");
        if (!(dcc() instanceof dev.hcgateway.model.DccVerdict) || !(hcn1() instanceof Validation.Valid)) {
            throw new IllegalStateException("fixtures not valid: " + dcc() + " " + hcn1());
        }
        Provider rsaProvider = provider.equals("native") ? crypto.provider() : Security.getProvider("SunRsaSign");
        ps256 = new Ps256Verifier(rsaProvider);
        data = new byte[300];
        rsa2048 = DccCorpus.rsa(2048);
        rsa3072 = DccCorpus.rsa(3072);
        sig2048 = sign(rsa2048);
        sig3072 = sign(rsa3072);
        if (!ps2048() || !ps3072()) {
            throw new IllegalStateException("PS256 fixture does not verify on " + ps256.provider().getName());
        }
    }

    private byte[] sign(KeyPair keys) throws Exception {
        Signature s = Signature.getInstance("RSASSA-PSS");
        s.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
        s.initSign(keys.getPrivate());
        s.update(data);
        return s.sign();
    }

    @Benchmark
    public Validation dcc() {
        return pipeline.validate(dcc, scene);
    }

    @Benchmark
    public Validation hcn1() {
        return pipeline.validate(hcn1, scene);
    }

    @Benchmark
    public boolean ps2048() {
        return ps256.verify(rsa2048.getPublic(), data, sig2048);
    }

    @Benchmark
    public boolean ps3072() {
        return ps256.verify(rsa3072.getPublic(), data, sig3072);
    }
}
