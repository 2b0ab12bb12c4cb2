package dev.hcgateway.hcn1;

import dev.hcgateway.model.CodeKind;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.model.Colour;
import dev.hcgateway.model.Reason;
import dev.hcgateway.support.MintedCodes;
import org.junit.jupiter.api.Test;
import dev.hcgateway.format.Decoded;
import dev.hcgateway.model.HealthCode;

/** A proxy code (kind 1) must name the holder's relation to the subject; without it the code is malformed. */
class ProxyCodeNamesRelationTest {

    private final Hcn1Decoder decoder = new Hcn1Decoder();
    private final MintedCodes codes = new MintedCodes(1_795_300_000L);

    @Test
    void proxyWithoutRelation_isMalformed() {
        String code = codes.mint(codes.claims(Colour.GREEN).withKind(CodeKind.PROXY, null));
        assertThat(decoder.decode(code)).isEqualTo(Decoded.refused(Reason.MALFORMED));
    }

    @Test
    void proxyWithRelation_decodesWithIt() {
        assertThat(decoder.decode(codes.proxy("parent"))).isInstanceOfSatisfying(Decoded.Signed.class,
                d -> assertThat(((HealthCode) d.claims()).relation()).isEqualTo("parent"));
    }
}
