package dev.hcgateway.issuer;

import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The claims of a demo EU DCC: one certificate of one type, dated relative to its issue so that the default
 * scene rules accept it (a full vaccination 30 days before, a negative test an hour before, a recovery valid from
 * yesterday for 180 days). The holder is a placeholder ("DEMO", born 1970-01-01): the gateway never reads it.
 *
 * @param type      {@code vaccination}, {@code test} or {@code recovery}
 * @param country   the issuing country (CWT {@code iss}), two letters
 * @param uvci      the certificate identifier ({@code ci}): the answer's {@code subject}, and what revocation takes
 * @param issuedAt  CWT {@code iat}, epoch seconds
 * @param expiresAt CWT {@code exp}, epoch seconds
 */
public record DccClaims(String type, String country, String uvci, long issuedAt, long expiresAt) {

    /** Validates the claims. */
    public DccClaims {
        type = type.toLowerCase(Locale.ROOT);
        if (!type.equals("vaccination") && !type.equals("test") && !type.equals("recovery")) {
            throw new IllegalArgumentException("a DCC type is vaccination, test or recovery, not " + type);
        }
        if (!country.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("a DCC country is two capital letters, not " + country);
        }
        if (uvci.isBlank() || uvci.length() > 128) {
            throw new IllegalArgumentException("a certificate identifier is 1..128 characters");
        }
        if (expiresAt <= issuedAt) {
            throw new IllegalArgumentException("exp must be after iat");
        }
    }

    /** Writes the CWT claims map: iss, exp, iat and the hcert map under -260 / 1. */
    void write(CBORGenerator g) throws IOException {
        LocalDate issued = Instant.ofEpochSecond(issuedAt).atOffset(ZoneOffset.UTC).toLocalDate();
        g.writeStartObject(4);
        g.writeFieldId(1);
        g.writeString(country);
        g.writeFieldId(4);
        g.writeNumber(expiresAt);
        g.writeFieldId(6);
        g.writeNumber(issuedAt);
        g.writeFieldId(-260);
        g.writeStartObject(1);
        g.writeFieldId(1);
        g.writeStartObject(4);
        text(g, "ver", "1.3.0");
        g.writeFieldName("nam");
        g.writeStartObject(2);
        text(g, "fnt", "DEMO");
        text(g, "gnt", "TRAVELLER");
        g.writeEndObject();
        text(g, "dob", "1970-01-01");
        g.writeFieldName(type.substring(0, 1));
        g.writeStartArray(null, 1);
        switch (type) {
            case "vaccination" -> {
                g.writeStartObject(10);
                common(g, "840539006");
                text(g, "vp", "1119349007");
                text(g, "mp", "EU/1/20/1528");
                text(g, "ma", "ORG-100030215");
                g.writeFieldName("dn");
                g.writeNumber(2);
                g.writeFieldName("sd");
                g.writeNumber(2);
                text(g, "dt", issued.minusDays(30).toString());
            }
            case "test" -> {
                g.writeStartObject(8);
                common(g, "840539006");
                text(g, "tt", "LP6464-4");
                text(g, "sc", Instant.ofEpochSecond(issuedAt).minus(1, ChronoUnit.HOURS).toString());
                text(g, "tr", "260415000");
                text(g, "tc", "DEMO TEST CENTRE");
            }
            default -> {
                g.writeStartObject(7);
                common(g, "840539006");
                text(g, "fr", issued.minusDays(20).toString());
                text(g, "df", issued.minusDays(1).toString());
                text(g, "du", issued.plusDays(180).toString());
            }
        }
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject();
    }

    /** Writes the fields every entry has: disease, country, issuer, identifier. */
    private void common(CBORGenerator g, String disease) throws IOException {
        text(g, "tg", disease);
        text(g, "co", country);
        text(g, "is", "hc-gateway demo signer (not a real certificate)");
        text(g, "ci", uvci);
    }

    private static void text(CBORGenerator g, String name, String value) throws IOException {
        g.writeFieldName(name);
        g.writeString(value);
    }
}
