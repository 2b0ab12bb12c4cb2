package dev.hcgateway.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.config.ConfigLoader;
import dev.hcgateway.config.GatewayConfig;
import dev.hcgateway.model.SubjectKey;
import dev.hcgateway.support.TestData;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a gateway writes into a bundle's payload a gate reads back unchanged: every scene's rules (DCC rules
 * included), the time rules, the trust list's bytes, the revoked codes in either form and the revoked subjects with
 * their instants.
 */
class BundleReadsBackAsWrittenTest {

    private final GatewayConfig config = new ConfigLoader().defaultsWith(Map.of());
    private final BundleCodec codec = new BundleCodec();

    @Test
    void payload_readsBackAsWritten_exactAndFiltered() {
        List<RevocationHash> codes = List.of(RevocationHash.ofCodeId(new byte[]{1, 2, 3, 4, 5, 6, 7, 8}),
                RevocationHash.ofCodeId(new byte[]{8, 7, 6, 5, 4, 3, 2, 1}));
        RevocationHash subject = RevocationHash.ofSubject("330100", "s-1");
        RevocationHash everywhere = RevocationHash.ofSubject(SubjectKey.EVERY_ISSUER, "s-2");
        for (int exactLimit : new int[]{10, 0}) {
            Bundle written = new Bundle(1_795_300_000L, 1_795_321_600L, "kid-text", TestData.resource("trust.json"),
                    config.verify().defaultScene(), config.scenes(), config.verify().clockSkewSeconds(),
                    config.codes().maxValidity(), new BundleRevocations(RevokedCodes.of(codes, exactLimit),
                    RevokedSubjects.of(new long[]{subject.first(), everywhere.first()},
                            new long[]{1_795_000_000L, 1_795_100_000L})));

            Bundle read = codec.decode(codec.encode(written));

            assertThat(read.scenes()).isEqualTo(config.scenes());
            assertThat(read.scenes().values()).anyMatch(s -> s.dcc() != null);
            assertThat(read.maxValidity()).isEqualTo(config.codes().maxValidity());
            assertThat(read.trustList()).isEqualTo(written.trustList());
            assertThat(List.of(read.issuedAt(), read.validUntil(), (long) read.clockSkewSeconds()))
                    .containsExactly(written.issuedAt(), written.validUntil(), (long) written.clockSkewSeconds());
            assertThat(read.kid()).isEqualTo("kid-text");
            assertThat(read.defaultScene()).isEqualTo(written.defaultScene());
            RevokedCodes readCodes = read.revocations().codes();
            assertThat(readCodes.getClass()).isEqualTo(written.revocations().codes().getClass());
            assertThat(codes).allMatch(h -> readCodes.find(h) != RevokedCodes.Hit.NONE);
            assertThat(read.revocations().subjects().issuedBefore("330100", "s-1")).isEqualTo(1_795_000_000L);
            assertThat(read.revocations().subjects().issuedBefore("*", "s-2")).isEqualTo(1_795_100_000L);
            assertThat(read.revocations().subjects().issuedBefore("330100", "s-2")).isEqualTo(Long.MIN_VALUE);
        }
    }
}
