package dev.hcgateway.hcn1;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.format.Decoded;
import dev.hcgateway.issuer.CodeClaims;
import dev.hcgateway.issuer.CodeMinter;
import dev.hcgateway.model.CodeKind;
import dev.hcgateway.model.Colour;
import dev.hcgateway.model.HealthCode;
import dev.hcgateway.model.Reason;
import dev.hcgateway.support.TestData;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A subject or relation that would hide or reorder text on a screen or in a log is malformed. */
class PrintableClaimsTest {

    private final Hcn1Decoder decoder = new Hcn1Decoder();
    private final CodeMinter minter = TestData.minter("330100");
    private final SplittableRandom random = new SplittableRandom(202);

    private Decoded<HealthCode> subject(String subject) {
        return decoder.decode(minter.mint(CodeClaims.typical("330100", subject, Colour.GREEN, 1_795_300_000L, 300,
                random::nextInt)));
    }

    private Decoded<HealthCode> relation(String relation) {
        return decoder.decode(minter.mint(CodeClaims.typical("330100", "s-proxy", Colour.GREEN, 1_795_300_000L, 300,
                random::nextInt).withKind(CodeKind.PROXY, relation)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "s-\u0085x",       // C1: next line
        "s-\u009B31m",     // C1: control sequence introducer
        "s-\u202Eevil",    // right-to-left override
        "s-\u2066x\u2069", // left-to-right isolate ... pop
        "s-\u200Fx",       // right-to-left mark
        "s-\u200Bx",       // zero-width space
        "s-\uFEFFx",       // byte order mark
        "s-\u2028x",       // line separator
        "s-\u00ADx",       // soft hyphen
        "s-\uE000x",       // private use
    })
    void subjectOrRelation_withInvisibleOrReorderingCharacter_isMalformed(String text) {
        assertThat(subject(text)).isEqualTo(Decoded.refused(Reason.MALFORMED));
        assertThat(relation(text.substring(2))).isEqualTo(Decoded.refused(Reason.MALFORMED));
    }

    @ParameterizedTest
    @ValueSource(strings = {"s-7Q3K", "s-测试-01", "s-émile", "s-x y"})
    void subject_ofVisibleCharacters_decodes(String text) {
        assertThat(subject(text)).isInstanceOfSatisfying(Decoded.Signed.class,
                d -> assertThat(((HealthCode) d.claims()).subject()).isEqualTo(text));
    }
}
