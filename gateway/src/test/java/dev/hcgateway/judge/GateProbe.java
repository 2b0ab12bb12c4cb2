package dev.hcgateway.judge;

import dev.hcgateway.crypto.CryptoProvider;
import dev.hcgateway.crypto.SignatureVerifiers;
import dev.hcgateway.format.Judging;
import dev.hcgateway.hcn1.TimeRules;
import dev.hcgateway.hcn1.ValidityBounds;
import dev.hcgateway.hcn1.VerifiedMemo;
import dev.hcgateway.model.Colour;
import dev.hcgateway.model.Decision;
import dev.hcgateway.model.Outcome;
import dev.hcgateway.model.RevocationLookup;
import dev.hcgateway.model.Scene;
import dev.hcgateway.trust.TrustList;
import dev.hcgateway.trust.TrustListParser;
import dev.hcgateway.gate.Bundle;
import dev.hcgateway.gate.BundleCodec;
import dev.hcgateway.gate.BundleOpener;
import dev.hcgateway.gate.BundlePublicKey;
import dev.hcgateway.gate.BundleRevocations;
import dev.hcgateway.gate.Envelope;
import dev.hcgateway.gate.GateVerifier;
import dev.hcgateway.gate.Opening;
import dev.hcgateway.gate.RevocationHash;
import dev.hcgateway.gate.RevokedCodes;
import dev.hcgateway.gate.RevokedSubjects;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an offline gate's verifier does with the judging packages alone: parse a trust list, judge a code against it
 * and a revocation look-up, at a scene, as at an instant. Loaded by {@link JudgingNeedsNoServerLibrariesTest} in a
 * class loader without Vert.x, Netty, Redis or PostgreSQL, so it must name nothing of theirs (nor of the tests').
 */
public final class GateProbe {

    private GateProbe() {
    }

    /** Returns {@code "<decision> <reason>"} of the code, revoked or not, judged as at {@code now}. */
    public static String judge(byte[] trustJson, String code, long now, boolean revoked) throws Exception {
        CryptoProvider crypto = CryptoProvider.select(true);
        TrustList trust = new TrustListParser(crypto.ecKeyFactory()).parse(trustJson, "gate trust list");
        OfflineJudge judge = new OfflineJudge(CodeJudge.standard(new SignatureVerifiers(crypto),
                new TimeRules(60, ValidityBounds.SIGNED_EXP), VerifiedMemo.none()));
        Scene scene = new Scene("gate", Map.of(Colour.GREEN, Decision.PASS, Colour.YELLOW, Decision.DENY,
                Colour.ORANGE, Decision.DENY, Colour.RED, Decision.DENY), 86_400, 86_400, Decision.MANUAL, false,
                Set.of());
        RevocationLookup revocations = revoked ? c -> true : RevocationLookup.NONE;
        Instant at = Instant.ofEpochSecond(now);
        Outcome outcome = judge.judge(code, new Judging(trust, revocations, scene, at), at);
        return outcome.decision().wire() + " " + outcome.reason().wire();
    }

    /**
     * Returns {@code "<decision> <reason>"} of the code as a gate judges it: a bundle of this trust list revoking
     * {@code revokedCodeId} is signed, written, opened against its key's JWK and judged with, as at {@code now}.
     */
    public static String gate(byte[] trustJson, String code, byte[] revokedCodeId, long now) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        BundlePublicKey key = BundlePublicKey.of((ECPublicKey) pair.getPublic());
        Bundle bundle = new Bundle(now, now + 3600, key.kidText(), trustJson, "gate", Map.of("gate", scene()), 60,
                ValidityBounds.SIGNED_EXP, new BundleRevocations(
                        RevokedCodes.of(List.of(RevocationHash.ofCodeId(revokedCodeId)), 10), RevokedSubjects.NONE));
        byte[] payload = new BundleCodec().encode(bundle);
        Signature signer = Signature.getInstance("SHA256withECDSAinP1363Format");
        signer.initSign(pair.getPrivate());
        signer.update(Envelope.toBeSigned(key.kid(), payload));
        byte[] bytes = new Envelope(key.kid(), payload, signer.sign()).encode();

        SignatureVerifiers verifiers = new SignatureVerifiers(CryptoProvider.select(true));
        Opening opening = new BundleOpener(BundlePublicKey.fromJwk(key.jwk().getBytes(StandardCharsets.UTF_8)),
                verifiers.es256()).open(bytes);
        GateVerifier gate = new GateVerifier(((Opening.Opened) opening).bundle(), verifiers);
        Outcome outcome = gate.judge(code, gate.scene(null), Instant.ofEpochSecond(now));
        return outcome.decision().wire() + " " + outcome.reason().wire();
    }

    private static Scene scene() {
        return new Scene("gate", Map.of(Colour.GREEN, Decision.PASS, Colour.YELLOW, Decision.DENY,
                Colour.ORANGE, Decision.DENY, Colour.RED, Decision.DENY), 86_400, 86_400, Decision.MANUAL, false,
                Set.of());
    }
}
