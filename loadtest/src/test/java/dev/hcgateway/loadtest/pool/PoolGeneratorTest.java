package dev.hcgateway.loadtest.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hcgateway.model.CodeKind;
import dev.hcgateway.crypto.CryptoProvider;
import dev.hcgateway.config.ConfigLoader;
import dev.hcgateway.issuer.CodeMinter;
import dev.hcgateway.issuer.IssuerKey;
import dev.hcgateway.model.Reason;
import dev.hcgateway.model.Rejection;
import dev.hcgateway.model.Validation;
import dev.hcgateway.pipeline.VerifyPipeline;
import dev.hcgateway.model.Scene;
import dev.hcgateway.trust.TrustListParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.hcgateway.revocation.LocalRevocations;

class PoolGeneratorTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T07:30:00Z"), ZoneOffset.UTC);
    private static IssuerKey key;
    private static CryptoProvider crypto;
    private static VerifyPipeline pipeline;
    private static Map<String, Scene> scenes;

    @BeforeAll
    static void issuerAndGateway() throws Exception {
        key = IssuerKey.generate("LOADTEST");
        crypto = CryptoProvider.select(true);
        var list = new TrustListParser(crypto.ecKeyFactory()).parse(
                key.trustList("t").encode().getBytes(StandardCharsets.UTF_8), "pool trust list");
        pipeline = VerifyPipeline.builder().trust(list).crypto(crypto).revocations(new LocalRevocations()).clock(CLOCK)
                .time(60, new ConfigLoader().defaultsWith(Map.of()).codes().maxValidity()).build();
        scenes = new ConfigLoader().defaultsWith(Map.of()).scenes();
    }

    private static PoolGenerator generator(String mix) {
        return new PoolGenerator(new CodeMinter(key, crypto.nativeCode() ? crypto.provider() : null),
                PoolMix.parse(mix), CLOCK, 7);
    }

    @Test
    void generate_everyCategory_eachJudgedByTheGatewayAsItsCategorySays() {
        CodePool pool = generator("green=1,yellow=1,red=1,expired=1,forged=1,garbage=1;proxy=20,paper=20")
                .generate(240, 2);

        assertThat(pool.counts()).containsOnlyKeys(Category.values());
        for (PoolEntry e : pool.entries()) {
            for (String scene : new String[]{"metro", "airport"}) {
                Validation v = pipeline.validate(e.code(), scenes.get(scene));
                switch (e.category()) {
                    case GREEN, YELLOW, RED -> assertThat(v).as(e.line()).isInstanceOf(Validation.Valid.class)
                            .extracting(x -> ((Validation.Valid) x).code().colour()).isEqualTo(e.category().colour());
                    case EXPIRED -> assertThat(reason(v)).isEqualTo(Reason.EXPIRED);
                    case FORGED -> assertThat(reason(v)).isEqualTo(Reason.BAD_SIGNATURE);
                    case GARBAGE -> assertThat(reason(v)).isIn(Reason.MALFORMED, Reason.UNSUPPORTED_FORMAT);
                    default -> throw new AssertionError(e.category());
                }
            }
        }
    }

    @Test
    void generate_kindShares_giveProxyAndPaperCodesWithTheirClaims() {
        CodePool pool = generator("green=1;proxy=30,paper=30").generate(300, 2);

        long proxy = pool.where(e -> e.kind() == CodeKind.PROXY).size();
        long paper = pool.where(e -> e.kind() == CodeKind.PAPER).size();
        assertThat(proxy).isBetween(50L, 130L);
        assertThat(paper).isBetween(50L, 130L);
        PoolEntry paperCode = pool.where(e -> e.kind() == CodeKind.PAPER).get(0);
        var code = ((Validation.Valid) pipeline.validate(paperCode.code(), scenes.get("metro"))).code();
        assertThat(code.kind()).isEqualTo(CodeKind.PAPER);
        assertThat(CLOCK.instant().getEpochSecond() - code.issuedAt()).isEqualTo(PoolGenerator.PAPER_AGE_SECONDS);
    }

    @Test
    void mint_sameIndexLater_keepsSubjectAndCategoryWithFreshIssue() {
        PoolGenerator g = generator(PoolMix.DEFAULT);
        long now = CLOCK.instant().getEpochSecond();

        PoolEntry first = g.mint(42, now);
        PoolEntry again = g.mint(42, now + 600);

        assertThat(again.subject()).isEqualTo(first.subject());
        assertThat(again.category()).isEqualTo(first.category());
        assertThat(again.code()).isNotEqualTo(first.code());
    }

    @Test
    void write_thenRead_givesTheSamePool(@TempDir Path dir) throws Exception {
        CodePool pool = generator(PoolMix.DEFAULT).generate(50, 1);

        pool.write(dir.resolve("codes.tsv"));
        CodePool read = CodePool.read(dir.resolve("codes.tsv"));

        assertThat(read).isEqualTo(pool);
    }

    @Test
    void parse_badMixOrCategory_failsNamingIt() {
        assertThatThrownBy(() -> PoolMix.parse("green=1,blue=2")).hasMessageContaining("blue");
        assertThatThrownBy(() -> PoolMix.parse("green=1;proxy=70,paper=40")).hasMessageContaining("proxy and paper");
        assertThat(PoolMix.parse("green=3,red=1").share(Category.RED)).isEqualTo(0.25);
    }

    @Test
    void subjects_name_carriesTheColourBack() {
        for (var c : new dev.hcgateway.model.Colour[]{dev.hcgateway.model.Colour.GREEN,
                dev.hcgateway.model.Colour.YELLOW, dev.hcgateway.model.Colour.ORANGE, dev.hcgateway.model.Colour.RED}) {
            assertThat(Subjects.colourOf(Subjects.name(c, 12))).isEqualTo(c);
        }
        assertThat(Subjects.colourOf("someone-else")).isEqualTo(dev.hcgateway.model.Colour.UNKNOWN);
    }

    private static Reason reason(Validation v) {
        assertThat(v).isInstanceOf(Rejection.class);
        return ((Rejection) v).reason();
    }
}
