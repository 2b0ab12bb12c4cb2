package dev.hcgateway.trust;

import dev.hcgateway.model.CertificateType;
import dev.hcgateway.crypto.SignatureAlgorithm;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * One Document Signer Certificate (DSC) of the trust list, reduced to what a DCC check needs.
 *
 * @param kid       the first 8 bytes of SHA-256 over the certificate's DER, as a long
 * @param country   the country the list item names
 * @param key       the public key, in the verifying provider's form where it has one
 * @param algorithm ES256 for an EC key, PS256 for an RSA key
 * @param usage     the certificate types its extended key usage allows; empty allows every type
 */
public record TrustedDsc(long kid, String country, PublicKey key, SignatureAlgorithm algorithm, Instant notBefore,
                         Instant notAfter, Set<CertificateType> usage) {

    public TrustedDsc {
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
        usage = Set.copyOf(usage);
    }

    /** Tells whether this DSC may sign certificates of this type. */
    public boolean allows(CertificateType type) {
        return usage.isEmpty() || usage.contains(type);
    }
}
