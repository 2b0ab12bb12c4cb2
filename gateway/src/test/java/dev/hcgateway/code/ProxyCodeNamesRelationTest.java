package dev.hcgateway.code;

import dev.hcgateway.model.CodeKind;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.model.Colour;
import dev.hcgateway.model.Reason;
import dev.hcgateway.support.MintedCodes;
import org.junit.jupiter.api.Test;

/** A proxy code (kind 1) must name the holder's relation to the subject; without it the code is malformed. */
class ProxyCodeNamesRelationTest {

    private final CodeDecoder decoder = new CodeDecoder();
    private final MintedCodes codes = new MintedCodes(1_795_300_000L);

    @Test
    void proxyWithoutRelation_isMalformed() {
        String code = codes.mint(codes.claims(Colour.GREEN).withKind(CodeKind.PROXY, null));
        assertThat(decoder.decode(code)).isEqualTo(new Decoding.Undecodable(Reason.MALFORMED));
    }

    @Test
    void proxyWithRelation_decodesWithIt() {
        assertThat(decoder.decode(codes.proxy("parent"))).isInstanceOfSatisfying(Decoding.Decoded.class,
                d -> assertThat(d.code().relation()).isEqualTo("parent"));
    }
}
