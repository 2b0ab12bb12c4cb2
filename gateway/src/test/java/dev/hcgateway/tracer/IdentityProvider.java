package dev.hcgateway.tracer;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * A health authority's identity provider for tests: its own signing key (ES256 or RS256), its JWKS file (public keys
 * only, as the gateway reads it), and officer JWTs signed with Vert.x's JWT support, claims as the tests choose.
 */
final class IdentityProvider {

    private final String alg;
    private final String kid;
    private final JsonObject privateJwk;
    private final JsonObject publicJwk;
    private final JWTAuth signer;

    /** Makes a fresh key for {@code ES256} or {@code RS256}. */
    IdentityProvider(Vertx vertx, String alg, String kid) throws Exception {
        this.alg = alg;
        this.kid = kid;
        if (alg.equals("ES256")) {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = g.generateKeyPair();
            ECPublicKey pub = (ECPublicKey) pair.getPublic();
            publicJwk = new JsonObject().put("kty", "EC").put("crv", "P-256").put("kid", kid).put("use", "sig")
                    .put("x", b64(pub.getW().getAffineX(), 32)).put("y", b64(pub.getW().getAffineY(), 32));
            privateJwk = publicJwk.copy().put("alg", alg)
                    .put("d", b64(((ECPrivateKey) pair.getPrivate()).getS(), 32));
        } else {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            KeyPair pair = g.generateKeyPair();
            RSAPublicKey pub = (RSAPublicKey) pair.getPublic();
            RSAPrivateCrtKey priv = (RSAPrivateCrtKey) pair.getPrivate();
            publicJwk = new JsonObject().put("kty", "RSA").put("kid", kid).put("alg", "RS256")
                    .put("n", b64(pub.getModulus(), 0)).put("e", b64(pub.getPublicExponent(), 0));
            privateJwk = publicJwk.copy().put("d", b64(priv.getPrivateExponent(), 0))
                    .put("p", b64(priv.getPrimeP(), 0)).put("q", b64(priv.getPrimeQ(), 0))
                    .put("dp", b64(priv.getPrimeExponentP(), 0)).put("dq", b64(priv.getPrimeExponentQ(), 0))
                    .put("qi", b64(priv.getCrtCoefficient(), 0));
        }
        signer = JWTAuth.create(vertx, new JWTAuthOptions().addJwk(privateJwk));
    }

    /** Returns this provider's public key as a JWK. */
    JsonObject publicJwk() {
        return publicJwk.copy();
    }

    /** Writes a JWKS file holding these providers' public keys. */
    static Path writeJwks(Path file, List<IdentityProvider> providers) throws Exception {
        JsonArray keys = new JsonArray();
        providers.forEach(p -> keys.add(p.publicJwk()));
        Files.writeString(file, new JsonObject().put("keys", keys).encodePrettily());
        return file;
    }

    /** Returns a JWT of an officer: {@code sub}, {@code name}, {@code roles}, {@code exp} in epoch seconds. */
    String token(String sub, String name, long exp, String... roles) {
        return token(new JsonObject().put("sub", sub).put("name", name).put("exp", exp)
                .put("roles", new JsonArray(List.of(roles))));
    }

    /** Returns a JWT of these claims, signed with this provider's key. */
    String token(JsonObject claims) {
        return signer.generateToken(claims, new JWTOptions().setAlgorithm(alg).setNoTimestamp(true)
                .setHeader(new JsonObject().put("kid", kid)));
    }

    /** Returns an unsigned token ({@code "alg": "none"}) of these claims. */
    static String unsigned(JsonObject claims) {
        Base64.Encoder e = Base64.getUrlEncoder().withoutPadding();
        return e.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + e.encodeToString(claims.encode().getBytes(StandardCharsets.UTF_8)) + ".";
    }

    private static String b64(BigInteger value, int length) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        if (length > bytes.length) {
            byte[] padded = new byte[length];
            System.arraycopy(bytes, 0, padded, length - bytes.length, bytes.length);
            bytes = padded;
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
