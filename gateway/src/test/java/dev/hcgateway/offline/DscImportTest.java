package dev.hcgateway.offline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.crypto.CryptoProvider;
import dev.hcgateway.dcc.DccCorpus;
import dev.hcgateway.dcc.DccCorpus.Dsc;
import dev.hcgateway.support.CliRun;
import dev.hcgateway.trust.TrustList;
import dev.hcgateway.trust.TrustListParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code trust import-dsc} turns a signed national list into a trust file the gateway loads. */
class DscImportTest {

    @TempDir
    Path dir;

    @Test
    void signedNationalList_becomesTrustFile_keepingIssuers_skippingBadItems() throws Exception {
        Instant from = Instant.parse("2021-01-01T00:00:00Z");
        Dsc at = DccCorpus.dsc("AT", DccCorpus.ec(), from, from.plusSeconds(86400 * 700L));
        Dsc de = DccCorpus.dsc("DE", DccCorpus.rsa(2048), from, from.plusSeconds(86400 * 700L));
        String item = at.item().replace("}", ",\"certificateType\":\"DSC\",\"thumbprint\":\"abc\"}");
        Path from1 = dir.resolve("dsc-list.txt");
        Files.writeString(from1, "MEUCIQDx0c2lnbmF0dXJl+/==\n{\"certificates\":[" + item + "," + de.item()
                + ",{\"kid\":\"AAAAAAAAAAA=\",\"country\":\"XX\",\"rawData\":\"AAAA\"}]}");
        Path out = dir.resolve("trust.json");
        Files.writeString(out, "{\"issuers\":[]}");

        CliRun run = CliRun.of("trust", "import-dsc", "--from", from1.toString(), "--out", out.toString());

        assertThat(run.rc()).as(run.err()).isZero();
        assertThat(run.err()).contains("wrote 2 certificates").contains("1 skipped");
        String written = Files.readString(out);
        assertThat(written).contains("\"issuers\"").doesNotContain("thumbprint");
        TrustList list = new TrustListParser(CryptoProvider.jdk("t").ecKeyFactory())
                .parse(written.getBytes(StandardCharsets.UTF_8), "trust.json");
        assertThat(list.findDscs(at.kid())).hasSize(1);
        assertThat(list.findDscs(de.kid())).hasSize(1);
    }

    @Test
    void badUsage_exitsTwo() {
        CliRun run = CliRun.of("trust", "import-dsc", "--from", "x");
        assertThat(run.rc()).isEqualTo(2);
        assertThat(run.err()).contains("--out");
    }
}
