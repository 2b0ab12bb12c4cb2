package dev.hcgateway.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.dcc.DccCorpus;
import dev.hcgateway.issuer.QrImages;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The image decoder of /v1/verify/image reads DCC QR codes, which are larger and denser than HCN1's. */
class DccQrImageTest {

    @Test
    void denseDccQr_ps256With3072BitSignature_isReadBack() {
        Instant from = Instant.parse("2021-01-01T00:00:00Z");
        var dsc = DccCorpus.dsc("DE", DccCorpus.rsa(3072), from, from.plusSeconds(86400 * 700L));
        String code = DccCorpus.signer(dsc).sign(DccCorpus.test("DE", 1622548800L, 1622548800L + 86400,
                "URN:UVCI:01DE/IZ12345A/5CWLU12RNOB9RXSEOP6FG8#W", "2021-06-01T08:00:00Z", "260415000"));
        assertThat(code.length()).as("denser than any HCN1 code").isGreaterThan(700);
        QrDecoder decoder = new QrDecoder(16_000_000, new ImageMetrics(new SimpleMeterRegistry()));
        for (int size : new int[]{400, 800}) {
            byte[] png = QrImages.encode(QrImages.render(code, size), "png");
            DecodeResult read = decoder.decode(png, ImageFormat.PNG, System.nanoTime() + 10_000_000_000L);
            assertThat(read).as("size " + size).isInstanceOf(DecodeResult.Found.class);
            assertThat(((DecodeResult.Found) read).text()).isEqualTo(code);
        }
    }
}
