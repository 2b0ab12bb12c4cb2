package dev.hcgateway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.model.CodeKind;
import dev.hcgateway.model.Colour;
import dev.hcgateway.model.HealthCode;
import dev.hcgateway.support.MutableClock;
import dev.hcgateway.trust.TrustList;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The verified-code cache keeps claims as packed bytes in shared arrays: a hit gives back exactly the claims that
 * were verified for that text, under the trust list that verified them, within its age and entry bounds, whatever
 * other event loops write at the same time.
 */
class VerifiedCodesKeepExactClaimsTest {

    private static final long NOW = 1_795_300_000L;
    private final MutableClock clock = new MutableClock(NOW);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final TrustList list = TrustList.of(List.of(), "test");

    private static HealthCode code(String subject, CodeKind kind, String relation, boolean vaccinated, int id) {
        byte[] cti = new byte[16];
        for (int i = 0; i < cti.length; i++) {
            cti[i] = (byte) (id * 31 + i);
        }
        return new HealthCode("330100", subject, NOW - 60, NOW + 86_400, cti, Colour.YELLOW, NOW - 120, kind,
                relation, vaccinated);
    }

    @Test
    void aHit_givesBackEveryClaimThatWasVerified() {
        VerifiedCodes cache = new VerifiedCodes(1000, 300, clock, registry);
        HealthCode proxy = code("s-老人-ÿ-1", CodeKind.PROXY, "grandparent", true, 1);
        HealthCode own = code("s-2", CodeKind.PERSONAL, null, false, 2);
        VerifiedCodes.TextDigest a = cache.key("HCN1:A");
        VerifiedCodes.TextDigest b = cache.key("HCN1:B");
        assertThat(cache.find(a, list)).isNull(); // the first look-up numbers the current list
        cache.remember(a, proxy, list);
        cache.remember(b, own, list);

        HealthCode hit = cache.find(cache.key("HCN1:A"), list);
        assertThat(hit).isEqualTo(proxy);
        assertThat(hit.codeId()).isEqualTo(proxy.codeId());
        assertThat(hit.relation()).isEqualTo("grandparent");
        assertThat(hit.vaccinated()).isTrue();
        assertThat(hit.colourAsOf()).isEqualTo(NOW - 120);
        assertThat(cache.find(b, list)).isEqualTo(own);
        assertThat(cache.find(b, list).relation()).isNull();
        assertThat(cache.find(cache.key("HCN1:C"), list)).isNull();
    }

    @Test
    void claimsTooLongToPack_areNotKept() {
        VerifiedCodes cache = new VerifiedCodes(1000, 300, clock, registry);
        HealthCode wide = code("\uD840\uDC00".repeat(64), CodeKind.PERSONAL, null, false, 3); // 256 bytes of subject
        VerifiedCodes.TextDigest d = cache.key("HCN1:W");
        cache.find(d, list);
        cache.remember(d, wide, list);

        assertThat(cache.find(d, list)).isNull();
    }

    @Test
    void aTrustListReload_forgetsEveryEntry_evenOnAReturnToTheOldList() {
        VerifiedCodes cache = new VerifiedCodes(1000, 300, clock, registry);
        TrustList reloaded = TrustList.of(List.of(), "test");
        VerifiedCodes.TextDigest d = cache.key("HCN1:A");
        cache.find(d, list);
        cache.remember(d, code("s-1", CodeKind.PERSONAL, null, false, 1), list);

        assertThat(cache.find(d, reloaded)).isNull();
        assertThat(cache.find(d, list)).isNull();
        cache.remember(d, code("s-1", CodeKind.PERSONAL, null, false, 1), reloaded); // verified under a replaced list
        assertThat(cache.find(d, list)).isNull();
    }

    @Test
    void anEntry_livesTtlSecondsAfterItsVerification() {
        VerifiedCodes cache = new VerifiedCodes(1000, 300, clock, registry);
        VerifiedCodes.TextDigest d = cache.key("HCN1:A");
        cache.find(d, list);
        cache.remember(d, code("s-1", CodeKind.PERSONAL, null, false, 1), list);

        clock.advanceSeconds(299);
        assertThat(cache.find(d, list)).isNotNull();
        clock.advanceSeconds(1);
        assertThat(cache.find(d, list)).isNull();
    }

    @Test
    void entries_neverPassTheBound_andTheLatestIsAlwaysKept() {
        VerifiedCodes cache = new VerifiedCodes(64, 300, clock, registry);
        cache.find(cache.key("first"), list);
        for (int i = 0; i < 1000; i++) {
            VerifiedCodes.TextDigest d = cache.key("HCN1:" + i);
            HealthCode c = code("s-" + i, CodeKind.PERSONAL, null, false, i);
            cache.remember(d, c, list);
            assertThat(cache.find(d, list)).isEqualTo(c);
            assertThat(registry.get("hc_verified_code_cache_entries").gauge().value()).isLessThanOrEqualTo(64);
        }
    }

    @Test
    void concurrentWritersAndReaders_neverSeeAnotherTextsClaims() throws Exception {
        VerifiedCodes cache = new VerifiedCodes(8, 300, clock, registry); // two sets: every write evicts
        int texts = 40;
        List<VerifiedCodes.TextDigest> digests = new ArrayList<>();
        List<HealthCode> claims = new ArrayList<>();
        for (int i = 0; i < texts; i++) {
            digests.add(cache.key("HCN1:" + i));
            claims.add(code("subject-" + i, i % 2 == 0 ? CodeKind.PERSONAL : CodeKind.PROXY,
                    i % 2 == 0 ? null : "r" + i, i % 3 == 0, i));
        }
        cache.find(digests.get(0), list);
        AtomicReference<String> wrong = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int seed = t;
            threads.add(new Thread(() -> {
                for (int n = 0; n < 50_000 && wrong.get() == null; n++) {
                    int i = (n * 7 + seed * 13) % texts;
                    cache.remember(digests.get(i), claims.get(i), list);
                    int j = (n * 11 + seed) % texts;
                    HealthCode found = cache.find(digests.get(j), list);
                    if (found != null && !found.equals(claims.get(j))) {
                        wrong.set("text " + j + " answered with " + found);
                    }
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(wrong.get()).isNull();
    }
}
