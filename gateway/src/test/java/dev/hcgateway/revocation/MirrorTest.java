package dev.hcgateway.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.model.CodeKind;
import dev.hcgateway.model.HealthCode;
import dev.hcgateway.model.Colour;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class MirrorTest {

    static HealthCode code(String idHex, String subject, long issuedAt) {
        return new HealthCode("330100", subject, issuedAt, issuedAt + 120, HexFormat.of().parseHex(idHex),
                Colour.GREEN, issuedAt, CodeKind.PERSONAL, null, false);
    }

    @Test
    void isRevoked_codeIdAddedAsHex_revokedOthersNot() {
        Mirror mirror = new Mirror();
        assertThat(mirror.isRevoked(code("00112233445566778899aabb", "s-1", 1000))).isFalse();
        assertThat(mirror.addCodeHex("00112233445566778899AABB")).isTrue();
        assertThat(mirror.isRevoked(code("00112233445566778899aabb", "s-1", 1000))).isTrue();
        assertThat(mirror.isRevoked(code("00112233445566778899aabc", "s-1", 1000))).isFalse();
        assertThat(mirror.addCodeHex("nothex")).isFalse();
        assertThat(mirror.codeCount()).isEqualTo(1);
    }

    @Test
    void isRevoked_subjectBeforeInstant_olderRevokedSameAndNewerNot() {
        Mirror mirror = new Mirror();
        mirror.addSubject("s-1", 1000);
        assertThat(mirror.isRevoked(code("00112233445566778899aabb", "s-1", 999))).isTrue();
        assertThat(mirror.isRevoked(code("00112233445566778899aabb", "s-1", 1000))).isFalse();
        assertThat(mirror.isRevoked(code("00112233445566778899aabb", "s-1", 1001))).isFalse();
        assertThat(mirror.isRevoked(code("00112233445566778899aabb", "s-2", 999))).isFalse();
        mirror.addSubject("s-1", 500); // an earlier instant never narrows a revocation
        assertThat(mirror.isRevoked(code("00112233445566778899aabb", "s-1", 999))).isTrue();
    }
}
