package dev.hcgateway.dcc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.cose.Base45;
import dev.hcgateway.format.Decoded;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The DCC decoder never throws: every mutated, truncated or oversized text is a value. */
class HostileDccTextTest {

    @Test
    void mutatedAndTruncatedCodes_neverThrow() {
        Instant from = Instant.parse("2021-01-01T00:00:00Z");
        var dsc = DccCorpus.dsc("AT", DccCorpus.ec(), from, from.plusSeconds(86400 * 700L));
        byte[] claims = DccCorpus.vaccination("AT", 1, 2, "URN:UVCI:1", 2, 2, "2021-04-01");
        byte[] cose = DccCorpus.cbor(g -> g.writeBinary(claims)); // a bstr, not a COSE array
        String good = DccCorpus.signer(dsc).tagged().sign(claims);
        DccDecoder decoder = new DccDecoder();
        Random random = new Random(42);
        for (int i = 0; i < 3000; i++) {
            char[] text = good.toCharArray();
            for (int k = 0; k < 1 + random.nextInt(4); k++) {
                text[4 + random.nextInt(text.length - 4)] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:".charAt(
                        random.nextInt(45));
            }
            assertThat(decoder.decode(new String(text))).isNotNull();
            assertThat(decoder.decode(good.substring(0, 4 + random.nextInt(good.length() - 4)))).isNotNull();
        }
        assertThat(decoder.decode("HC1:" + Base45.encode(DccCorpus.deflate(cose))))
                .isEqualTo(Decoded.refused(dev.hcgateway.model.Reason.MALFORMED));
        assertThat(decoder.decode("HC1:" + Base45.encode(DccCorpus.deflate(new byte[100_000]))))
                .as("inflate bomb").isEqualTo(Decoded.refused(dev.hcgateway.model.Reason.MALFORMED));
        assertThat(decoder.decode("HC1:" + "A".repeat(6000))).isInstanceOf(Decoded.Refused.class);
    }
}
