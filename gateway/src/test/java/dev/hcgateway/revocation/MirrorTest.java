package dev.hcgateway.revocation;

import dev.hcgateway.model.SubjectKey;

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
        mirror.addSubject(SubjectKey.everyIssuer("s-1"), 1000);
        assertThat(mirror.isRevoked(code("00112233445566778899aabb", "s-1", 999))).isTrue();
        assertThat(mirror.isRevoked(code("00112233445566778899aabb", "s-1", 1000))).isFalse();
        assertThat(mirror.isRevoked(code("00112233445566778899aabb", "s-1", 1001))).isFalse();
        assertThat(mirror.isRevoked(code("00112233445566778899aabb", "s-2", 999))).isFalse();
        mirror.addSubject(SubjectKey.everyIssuer("s-1"), 500); // an earlier instant never narrows a revocation
        assertThat(mirror.isRevoked(code("00112233445566778899aabb", "s-1", 999))).isTrue();
    }

    static HealthCode code(String issuer, String idHex, String subject, long issuedAt) {
        return new HealthCode(issuer, subject, issuedAt, issuedAt + 120, HexFormat.of().parseHex(idHex),
                Colour.GREEN, issuedAt, CodeKind.PERSONAL, null, false);
    }

    @Test
    void isRevoked_subjectUnderOneIssuer_onlyThatIssuersCodes() {
        Mirror mirror = new Mirror();
        mirror.addSubject(new SubjectKey("330100", "s-1"), 1000);
        assertThat(mirror.isRevoked(code("330100", "00112233445566778899aabb", "s-1", 999))).isTrue();
        assertThat(mirror.isRevoked(code("110000", "00112233445566778899aabb", "s-1", 999)))
                .as("the same subject string under another issuer is another person").isFalse();
        mirror.addSubject(SubjectKey.everyIssuer("s-1"), 900);
        assertThat(mirror.isRevoked(code("110000", "00112233445566778899aabb", "s-1", 899))).isTrue();
        assertThat(mirror.isRevoked(code("110000", "00112233445566778899aabb", "s-1", 950))).isFalse();
        assertThat(mirror.isRevoked(code("330100", "00112233445566778899aabb", "s-1", 950)))
                .as("the later of the two instants rules").isTrue();
    }

    @Test
    void exactEntries_eachIdAndKeyOnce_withTheLatestInstant() {
        Mirror mirror = new Mirror();
        mirror.addCodeHex("00112233445566778899AABB");
        mirror.addCode(HexFormat.of().parseHex("00112233445566778899aabb"));
        mirror.addCode(HexFormat.of().parseHex("0011223344556677"));
        mirror.addCodes(new long[]{Fingerprints.ofCodeIdHex("ffffffffffffffffffffffffffffffff")},
                HexFormat.of().parseHex("ffffffffffffffffffffffffffffffff"), new byte[]{16}, 1);
        mirror.addSubject(new SubjectKey("330100", "s-é"), 1000);
        mirror.addSubject(new SubjectKey("330100", "s-é"), 2000);
        mirror.addSubject(SubjectKey.everyIssuer("s-2"), 5);
        java.util.List<String> ids = new java.util.ArrayList<>();
        mirror.forEachCode(id -> ids.add(HexFormat.of().formatHex(id)));
        java.util.Map<SubjectKey, Long> subjects = new java.util.LinkedHashMap<>();
        mirror.forEachSubject(subjects::put);
        assertThat(ids).containsExactly("00112233445566778899aabb", "0011223344556677",
                "ffffffffffffffffffffffffffffffff");
        assertThat(subjects).containsExactly(java.util.Map.entry(new SubjectKey("330100", "s-é"), 2000L),
                java.util.Map.entry(SubjectKey.everyIssuer("s-2"), 5L));
    }
}
