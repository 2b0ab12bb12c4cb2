package dev.hcgateway.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hcgateway.crypto.CryptoProvider;
import dev.hcgateway.model.CertificateType;
import dev.hcgateway.dcc.DccCorpus;
import dev.hcgateway.dcc.DccCorpus.Dsc;
import dev.hcgateway.crypto.SignatureAlgorithm;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The trust file's DSC items: a faulty item is refused alone, never the whole file. */
class DscTrustFileTest {

    static final Instant FROM = Instant.parse("2021-01-01T00:00:00Z");
    static final Instant UNTIL = Instant.parse("2023-01-01T00:00:00Z");
    final TrustListParser parser = new TrustListParser(CryptoProvider.jdk("test").ecKeyFactory());

    TrustList parse(String json) throws TrustListException {
        return parser.parse(json.getBytes(StandardCharsets.UTF_8), "trust.json");
    }

    @Test
    void kidNotMatchingTheDer_refusesTheItem_notTheFile() throws Exception {
        Dsc good = DccCorpus.dsc("AT", DccCorpus.ec(), FROM, UNTIL);
        Dsc other = DccCorpus.dsc("DE", DccCorpus.ec(), FROM, UNTIL);
        String lying = "{\"kid\":\"" + Base64.getEncoder().encodeToString(good.kid()) + "\",\"country\":\"DE\","
                + "\"rawData\":\"" + Base64.getEncoder().encodeToString(other.der()) + "\"}";
        TrustList list = parse("{\"issuers\":[],\"certificates\":[" + good.item() + "," + lying + ","
                + "{\"kid\":\"x\",\"country\":\"FR\",\"rawData\":\"AAAA\"}]}");
        assertThat(list.dscs()).hasSize(1);
        List<TrustedDsc> found = list.findDscs(good.kid());
        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.country()).isEqualTo("AT");
            assertThat(d.algorithm()).isEqualTo(SignatureAlgorithm.ES256);
            assertThat(d.usage()).isEmpty();
        });
        assertThat(list.findDscs(other.kid())).isEmpty();
    }

    @Test
    void keyUsageOids_inBothSpellings_limitTheTypes() throws Exception {
        Dsc both = DccCorpus.dsc("AT", DccCorpus.rsa(2048), FROM, UNTIL, DccCorpus.EKU_VACCINATION,
                DccCorpus.EKU_TEST_ALT, "1.3.6.1.5.5.7.3.2");
        TrustedDsc d = parse(DccCorpus.trustJson(List.of(both))).findDscs(both.kid()).get(0);
        assertThat(d.algorithm()).isEqualTo(SignatureAlgorithm.PS256);
        assertThat(d.usage()).containsExactlyInAnyOrder(CertificateType.VACCINATION, CertificateType.TEST);
        assertThat(d.allows(CertificateType.RECOVERY)).isFalse();
        assertThat(d.notAfter()).isEqualTo(UNTIL);
    }

    @Test
    void eitherArrayAlone_loads_butNeitherIsRefused() throws Exception {
        assertThat(parse("{\"certificates\":[]}").size()).isZero();
        assertThat(parse("{\"issuers\":[]}").dscs()).isEmpty();
        assertThatThrownBy(() -> parse("{}")).isInstanceOf(TrustListException.class)
                .hasMessageContaining("certificates");
        assertThatThrownBy(() -> parse("{\"certificates\":{}}")).isInstanceOf(TrustListException.class);
    }
}
