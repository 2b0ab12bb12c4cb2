package dev.hcgateway.model;

import java.util.Objects;

/**
 * An identity document presented instead of a code (the elderly, people without a phone): its type, the keyed
 * hash the store knows it by, and the subject the store matched it to. The number itself never gets this far.
 *
 * @param subject the subject the store matched the document to, or null (unknown document, or no answer)
 */
public record IdentityDocument(DocumentType type, DocumentKey key, String subject) implements Credential {

    public IdentityDocument {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(key, "key");
    }

    /** Returns false: a document carries no vaccination record, so a scene requiring one sends it to staff. */
    @Override
    public boolean vaccinated() {
        return false;
    }

    @Override
    public String toString() {
        return "IdentityDocument[" + type + "]"; // no subject or hash in logs
    }
}
