package dev.hcgateway.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.hcgateway.crypto.CryptoProvider;
import java.io.InputStream;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The native provider (ACCP) verifies where it exists: on linux-x86_64 (this CI) SunEC being selected is a
 * failure, not a silent 20x slowdown; and the build carries ACCP's library for both Linux architectures.
 */
class NativeCryptoInUseTest {

    /** ELF e_machine values: x86-64 and AArch64. */
    private static final int X86_64 = 0x3E;
    private static final int AARCH64 = 0xB7;

    @Test
    void onLinuxX86_64_theNativeProviderIsSelected() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch");
        assumeTrue(os.contains("linux") && (arch.equals("amd64") || arch.equals("x86_64")), "not linux-x86_64");
        CryptoProvider selected = CryptoProvider.select(true);
        assertThat(selected.fallbackWhy()).isNull();
        assertThat(selected.nativeCode()).isTrue();
        assertThat(selected.provider().getName()).isEqualTo("AmazonCorrettoCryptoProvider");
        assertThat(selected.ecKeyFactory().getProvider().getName()).isEqualTo("AmazonCorrettoCryptoProvider");
    }

    @Test
    void build_carriesAccpForBothLinuxArchitectures() throws Exception {
        assertThat(elfMachine("com/amazon/corretto/crypto/provider/libamazonCorrettoCryptoProvider.so"))
                .as("x86_64, where ACCP looks for it").isEqualTo(X86_64);
        assertThat(elfMachine("native/linux-aarch_64/libamazonCorrettoCryptoProvider.so"))
                .as("aarch_64, which the Dockerfile extracts on arm64").isEqualTo(AARCH64);
    }

    /** Returns the ELF machine of a classpath resource (little-endian u16 at offset 18). */
    private static int elfMachine(String resource) throws Exception {
        try (InputStream in = NativeCryptoInUseTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            byte[] head = in.readNBytes(20);
            assertThat(new String(head, 1, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("ELF");
            return (head[18] & 0xFF) | (head[19] & 0xFF) << 8;
        }
    }
}
