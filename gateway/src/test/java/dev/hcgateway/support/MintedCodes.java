package dev.hcgateway.support;

import dev.hcgateway.model.CodeKind;
import dev.hcgateway.model.Colour;
import dev.hcgateway.issuer.CodeClaims;
import dev.hcgateway.issuer.CodeMinter;
import java.util.Random;

/** Codes of the test issuers, valid and broken, minted for a given {@code now}. */
public final class MintedCodes {

    private final CodeMinter issuer330100 = TestData.minter("330100");
    private final CodeMinter issuer110000 = TestData.minter("110000");
    private final Random random = new Random(7);
    private final long now;
    private int subjects;

    /** Creates a minter for codes judged at {@code now} (epoch seconds). */
    public MintedCodes(long now) {
        this.now = now;
    }

    /** Returns the claims of a fresh personal code of issuer 330100, valid one hour, colour known now. */
    public CodeClaims claims(Colour colour) {
        return CodeClaims.typical("330100", "s-test-" + (++subjects), colour, now, 3600, random);
    }

    /** Returns a fresh valid code of issuer 330100. */
    public String valid(Colour colour) {
        return mint(claims(colour));
    }

    /** Returns a valid code of issuer 330100 for these claims. */
    public String mint(CodeClaims claims) {
        return issuer330100.mint(claims);
    }

    /** Returns a code that expired a day ago (issued two days ago). */
    public String expired() {
        return mint(claims(Colour.GREEN).withTimes(now - 2 * 86400, now - 86400, now - 2 * 86400));
    }

    /** Returns a code whose signature has one bit flipped: {@code bad_signature}. */
    public String tampered() {
        byte[] header = issuer330100.protectedHeader(-7, issuer330100.key().kid());
        byte[] payload = issuer330100.payload(claims(Colour.GREEN));
        byte[] signature = issuer330100.sign(header, payload);
        signature[17] ^= 0x01;
        return CodeMinter.text(issuer330100.sign1(header, payload, signature, false), true);
    }

    /** Returns a code signed with 110000's (trusted) key but claiming issuer 330100: {@code issuer_mismatch}. */
    public String issuerMismatch() {
        return issuer110000.mint(claims(Colour.GREEN));
    }

    /** Returns a green code shown by a guardian: kind proxy with a relation. */
    public String proxy(String relation) {
        return mint(claims(Colour.GREEN).withKind(CodeKind.PROXY, relation));
    }

    /** Returns a green paper code printed {@code ageSeconds} ago, valid 14 days from then (the field's bound). */
    public String paper(long ageSeconds) {
        return paper(ageSeconds, 14 * 86400);
    }

    /** Returns a green paper code printed {@code ageSeconds} ago and signed valid {@code validSeconds} from then. */
    public String paper(long ageSeconds, long validSeconds) {
        long iat = now - ageSeconds;
        return mint(claims(Colour.GREEN).withKind(CodeKind.PAPER, null).withTimes(iat, iat + validSeconds, iat));
    }

    /** Returns a code of this kind issued {@code ageSeconds} ago, signed valid {@code validSeconds} from then. */
    public String ofKind(CodeKind kind, Colour colour, long ageSeconds, long validSeconds) {
        long iat = now - ageSeconds;
        String relation = kind == CodeKind.PROXY ? "parent" : null;
        return mint(claims(colour).withKind(kind, relation).withTimes(iat, iat + validSeconds, iat));
    }
}
