package dev.hcgateway.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.buffer.Buffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The body budget never hands out more than its limit, and every byte comes back when the last holder lets go. */
class MemoryBudgetTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MemoryBudget budget = new MemoryBudget(100, registry);

    private double refusals() {
        return registry.get("hc_image_body_refused").counter().count();
    }

    @Test
    void tryReserve_pastLimit_refusedAndCounted_untilReleased() {
        MemoryBudget.Reservation a = budget.tryReserve(60).orElseThrow();
        assertThat(budget.tryReserve(41)).isEmpty();
        assertThat(refusals()).isEqualTo(1);
        MemoryBudget.Reservation b = budget.tryReserve(40).orElseThrow();
        assertThat(budget.used()).isEqualTo(100);
        assertThat(registry.get("hc_image_body_bytes").gauge().value()).isEqualTo(100);
        a.release();
        b.release();
        assertThat(budget.used()).isZero();
        assertThat(budget.peak()).isEqualTo(100);
        assertThat(registry.get("hc_image_body_peak_bytes").gauge().value()).isEqualTo(100);
    }

    @Test
    void release_decodeStillHolding_bytesKeptUntilLastHolder() {
        MemoryBudget.Reservation r = budget.tryReserve(30).orElseThrow();
        assertThat(r.retain()).isTrue(); // a decode job
        r.release(); // the request ended (timeout): the job still reads the bytes
        assertThat(budget.used()).isEqualTo(30);
        r.release();
        assertThat(budget.used()).isZero();
        r.release(); // late, repeated: harmless
        assertThat(budget.used()).isZero();
        assertThat(r.retain()).as("a released reservation takes no new holder").isFalse();
        assertThat(r.grow(10)).as("nor new bytes").isFalse();
        assertThat(budget.used()).isZero();
    }

    @Test
    void declaredBody_reservedInFullAtOpen_receivedIntoOneExactArray() {
        ReservedBody body = ReservedBody.open(budget, 50, 80).orElseThrow();
        assertThat(budget.used()).as("before any byte arrives").isEqualTo(50);
        assertThat(body.append(Buffer.buffer(new byte[20]))).isEqualTo(ReservedBody.Append.STORED);
        assertThat(body.append(Buffer.buffer(filled(30, 7)))).isEqualTo(ReservedBody.Append.STORED);
        byte[] bytes = body.bytes();
        assertThat(bytes).hasSize(50);
        assertThat(bytes[49]).isEqualTo((byte) 7);
        assertThat(body.append(Buffer.buffer(new byte[1]))).isEqualTo(ReservedBody.Append.TOO_LARGE);
        body.reservation().release();
        assertThat(budget.used()).isZero();
    }

    @Test
    void chunkedBody_growsWithinBudget_neverPastIt_trimmedAtEnd() {
        MemoryBudget big = new MemoryBudget(100_000, registry);
        ReservedBody body = ReservedBody.open(big, -1, 40_000).orElseThrow();
        assertThat(big.used()).isZero();
        for (int i = 0; i < 10; i++) {
            assertThat(body.append(Buffer.buffer(filled(3_000, i)))).isEqualTo(ReservedBody.Append.STORED);
            assertThat(big.used()).isLessThanOrEqualTo(2L * 40_000);
        }
        byte[] bytes = body.bytes();
        assertThat(bytes).hasSize(30_000);
        assertThat(bytes[29_999]).isEqualTo((byte) 9);
        assertThat(big.used()).as("only the trimmed array stays reserved").isEqualTo(30_000);
        assertThat(big.peak()).isLessThanOrEqualTo(2L * 40_000);
        assertThat(body.append(Buffer.buffer(new byte[10_001]))).isEqualTo(ReservedBody.Append.TOO_LARGE);
        body.reservation().release();
        assertThat(big.used()).isZero();
    }

    @Test
    void chunkedBody_budgetFull_noBudgetAndNothingLeaked() {
        MemoryBudget.Reservation other = budget.tryReserve(95).orElseThrow();
        ReservedBody body = ReservedBody.open(budget, -1, 80).orElseThrow();
        assertThat(body.append(Buffer.buffer(new byte[10]))).isEqualTo(ReservedBody.Append.NO_BUDGET);
        body.reservation().release();
        other.release();
        assertThat(budget.used()).isZero();
    }

    private static byte[] filled(int n, int value) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) value);
        return b;
    }
}
