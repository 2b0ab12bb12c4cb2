package dev.hcgateway.cose;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;

/** Builds the CBOR reader every code format uses: shallow nesting, bounded strings and numbers, no duplicate keys. */
public final class StrictCbor {

    private StrictCbor() {
    }

    /** Returns a new factory that refuses nesting past {@link CborShape#MAX_DEPTH}, long values and duplicate keys. */
    public static CBORFactory factory() {
        return CBORFactory.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(CborShape.MAX_DEPTH)
                        .maxStringLength(CoseText.MAX_COSE_BYTES).maxNumberLength(64).build())
                .build();
    }
}
