package dev.hcgateway.http.edge;

import dev.hcgateway.image.ImageFormat;
import dev.hcgateway.model.DocumentKey;
import dev.hcgateway.model.DocumentType;
import dev.hcgateway.model.Scene;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** What a judged request asks, as its route read it: the credentials to judge, at which scene and gate. */
sealed interface Asked {

    /** Returns the scene to judge by. */
    Scene scene();

    /** Returns the gate the request names, or null (the client certificate may name it instead). */
    String gate();

    /** Returns how many credentials it brings: one rate token and one in-flight slot each. */
    default int credentials() {
        return 1;
    }

    /** One scanned text ({@code /v1/verify}). */
    record Code(String text, Scene scene, String gate) implements Asked {
        public Code {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(scene, "scene");
        }
    }

    /**
     * 1..50 scanned texts judged on their own and answered in order ({@code /v1/verify/batch}).
     *
     * @param at the instant of the time rules of a ticket checked ahead (its departure), or null: now. Such a batch
     *           leaves no passage and no passback sighting: nobody passed anywhere.
     */
    record Codes(List<String> texts, Scene scene, String gate, Instant at) implements Asked {
        public Codes {
            texts = List.copyOf(texts);
            Objects.requireNonNull(scene, "scene");
        }

        @Override
        public int credentials() {
            return texts.size();
        }
    }

    /** An identity document, by its keyed hash only ({@code /v1/verify/document}). */
    record Document(DocumentType type, DocumentKey document, Scene scene, String gate) implements Asked {
        public Document {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(document, "document");
            Objects.requireNonNull(scene, "scene");
        }
    }

    /** A QR image whose text is found only after its upload and decode ({@code /v1/verify/image}). */
    record Image(ImageFormat format, Scene scene, String gate) implements Asked {
        public Image {
            Objects.requireNonNull(format, "format");
            Objects.requireNonNull(scene, "scene");
        }
    }
}
