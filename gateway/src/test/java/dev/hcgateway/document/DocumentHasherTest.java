package dev.hcgateway.document;

import dev.hcgateway.model.DocumentType;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Known answers computed independently (Python hmac) for the authority spec's formula. */
class DocumentHasherTest {

    private final DocumentHasher hasher = new DocumentHasher("test-document-key-0123");

    @Test
    void hash_residentId_hmacOfTypeColonNumberInLowerHex() {
        var key = hasher.hash(DocumentType.RESIDENT_ID, "11010519491231002X");

        assertThat(key.type()).isEqualTo("resident_id");
        assertThat(key.hash()).isEqualTo("25e145cb4385a698b21d23f853ce26ec4d2371cbf4e8a93f15f95133843f2f37");
    }

    @Test
    void hash_passport_typeIsPartOfTheInput() {
        assertThat(hasher.hash(DocumentType.PASSPORT, "E12345678").hash())
                .isEqualTo("fcfe833bb6ff5044f4d5ea8eb843700965a84bd1b9ed925c2daa7c1e94acbf0c");
    }

    @Test
    void hash_otherKey_otherHash() {
        assertThat(new DocumentHasher("another-document-key").hash(DocumentType.PASSPORT, "E12345678").hash())
                .isNotEqualTo(hasher.hash(DocumentType.PASSPORT, "E12345678").hash());
    }
}
