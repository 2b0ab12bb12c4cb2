package dev.hcgateway.crypto;

import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.Security;
import java.util.Objects;

/**
 * The JCA provider that verifies signatures: Amazon Corretto Crypto Provider (native AWS-LC, ~20x faster
 * ES256 verify than SunEC here) when its native library loads and passes its self-tests, else the JDK's.
 *
 * @param fallbackWhy why the native provider is not in use, or null when it is
 */
public record CryptoProvider(Provider provider, boolean nativeCode, String fallbackWhy) {

    public CryptoProvider {
        Objects.requireNonNull(provider, "provider");
    }

    /** Selects the native provider when {@code preferNative} and it loads healthy, else the JDK's SunEC. */
    public static CryptoProvider select(boolean preferNative) {
        if (!preferNative) {
            return jdk("native crypto disabled by configuration");
        }
        try {
            var accp = com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider.INSTANCE;
            accp.assertHealthy();
            return new CryptoProvider(accp, true, null);
        } catch (Throwable t) {
            // LinkageError or a failed self-test: the native library cannot serve here, so fall back.
            return jdk("native provider unavailable: " + t);
        }
    }

    /** Returns the JDK's own EC provider. */
    public static CryptoProvider jdk(String why) {
        Provider sunEc = Security.getProvider("SunEC");
        return new CryptoProvider(sunEc, false, why);
    }

    /** Returns the provider's name and version, for the start-up log and metrics. */
    public String name() {
        return provider.getName() + " " + provider.getVersionStr();
    }

    /** Returns an EC key factory of this provider, so that keys are in its native form before the first verify. */
    public KeyFactory ecKeyFactory() {
        try {
            return KeyFactory.getInstance("EC", provider);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no EC key factory in " + name(), e);
        }
    }
}
