package dev.hcgateway.document;

import dev.hcgateway.model.DocumentType;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DocumentTypeTest {

    @Test
    void canonical_residentIdWithValidCheckCharacter_upperCased() {
        assertThat(DocumentType.RESIDENT_ID.canonical("11010519491231002x")).isEqualTo("11010519491231002X");
        assertThat(DocumentType.RESIDENT_ID.canonical("330106195001011231")).isEqualTo("330106195001011231");
    }

    @ParameterizedTest
    @ValueSource(strings = {"330106195001011234", "33010619500101123", "3301061950010112311", "33010619500101123A",
        "3301061950010112 1", "", "３３０１０６１９５００１０１１２３１"})
    void canonical_residentIdWrongShapeOrCheck_null(String number) {
        assertThat(DocumentType.RESIDENT_ID.canonical(number)).isNull();
    }

    @Test
    void canonical_passport_lettersAndDigitsUpperCased() {
        assertThat(DocumentType.PASSPORT.canonical("e12345678")).isEqualTo("E12345678");
        assertThat(DocumentType.PASSPORT.canonical("E1234")).isEqualTo("E1234");
    }

    @ParameterizedTest
    @ValueSource(strings = {"E123", "E1234567890123456789X", "E 1234567", "E-1234567", "Ä1234567"})
    void canonical_passportWrongShape_null(String number) {
        assertThat(DocumentType.PASSPORT.canonical(number)).isNull();
    }

    @Test
    void ofWire_unknownOrNotText_null() {
        assertThat(DocumentType.ofWire("resident_id")).isEqualTo(DocumentType.RESIDENT_ID);
        assertThat(DocumentType.ofWire("driving_licence")).isNull();
        assertThat(DocumentType.ofWire(42)).isNull();
        assertThat(DocumentType.ofWire(null)).isNull();
    }
}
