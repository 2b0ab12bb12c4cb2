package dev.hcgateway.revocation;

import dev.hcgateway.model.SubjectKey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChangeEventTest {

    @Test
    void of_documentedEntries_parsed() {
        assertThat(ChangeEvent.of(Map.of("type", "code", "id", "00112233445566778899aabb")))
                .isEqualTo(new ChangeEvent.CodeRevoked("00112233445566778899aabb"));
        assertThat(ChangeEvent.of(Map.of("type", "subject", "subject", "s-1", "before", "1795300000")))
                .isEqualTo(new ChangeEvent.SubjectRevoked(SubjectKey.everyIssuer("s-1"), 1795300000L));
        assertThat(ChangeEvent.of(Map.of("type", "subject", "issuer", "440300", "subject", "s-1", "before", "5")))
                .isEqualTo(new ChangeEvent.SubjectRevoked(new SubjectKey("440300", "s-1"), 5L));
        assertThat(ChangeEvent.of(Map.of("type", "invalidate", "subjects", "s-1\ns-2")))
                .isEqualTo(new ChangeEvent.Invalidation(List.of(SubjectKey.everyIssuer("s-1"),
                        SubjectKey.everyIssuer("s-2"))));
        assertThat(ChangeEvent.of(Map.of("type", "invalidate", "issuer", "440300", "subjects", "s-1")))
                .isEqualTo(new ChangeEvent.Invalidation(List.of(new SubjectKey("440300", "s-1"))));
        assertThat(ChangeEvent.of(Map.of("type", "invalidate", "issuer", "gd:1", "subjects", "s-1")))
                .as("an issuer it cannot read widens the invalidation to every issuer, never skips it")
                .isEqualTo(new ChangeEvent.Invalidation(List.of(SubjectKey.everyIssuer("s-1"))));
    }

    @Test
    void of_malformedOrUnknown_unusable() {
        assertThat(ChangeEvent.of(Map.of("type", "code", "id", "xyz"))).isInstanceOf(ChangeEvent.Unusable.class);
        assertThat(ChangeEvent.of(Map.of("type", "code"))).isInstanceOf(ChangeEvent.Unusable.class);
        assertThat(ChangeEvent.of(Map.of("type", "subject", "subject", "s-1", "before", "soon")))
                .isInstanceOf(ChangeEvent.Unusable.class);
        assertThat(ChangeEvent.of(Map.of("type", "subject", "subject", "s-1", "before", "-5")))
                .isInstanceOf(ChangeEvent.Unusable.class);
        assertThat(ChangeEvent.of(Map.of("type", "subject", "subject", "x".repeat(65), "before", "5")))
                .isInstanceOf(ChangeEvent.Unusable.class);
        assertThat(ChangeEvent.of(Map.of("type", "subject", "issuer", "*", "subject", "s-1", "before", "5")))
                .as("every issuer is said by naming none").isInstanceOf(ChangeEvent.Unusable.class);
        assertThat(ChangeEvent.of(Map.of("type", "invalidate", "subjects", "")))
                .isInstanceOf(ChangeEvent.Unusable.class);
        assertThat(ChangeEvent.of(Map.of("type", "colour"))).isInstanceOf(ChangeEvent.Unusable.class);
        assertThat(ChangeEvent.of(Map.of("id", "00112233445566778899aabb"))).isInstanceOf(ChangeEvent.Unusable.class);
    }
}
