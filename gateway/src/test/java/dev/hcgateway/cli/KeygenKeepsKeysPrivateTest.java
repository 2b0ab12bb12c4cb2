package dev.hcgateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.support.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** keygen writes the private key readable by its owner only and never overwrites a key file. */
class KeygenKeepsKeysPrivateTest {

    @TempDir
    Path dir;

    @Test
    void keygen_privateKeyIs0600_publicKeyIs0644() throws Exception {
        String prefix = dir.resolve("sz").toString();

        assertThat(CliRun.of("keygen", "--issuer", "440300", "--out", prefix).rc()).isZero();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(Path.of(prefix + ".key"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(Path.of(prefix + ".pub"))))
                .isEqualTo("rw-r--r--");
    }

    @Test
    void keygen_existingKeyFile_refusedAndLeftUntouched() throws Exception {
        String prefix = dir.resolve("sz").toString();
        Files.writeString(Path.of(prefix + ".key"), "the only copy\n");

        CliRun run = CliRun.of("keygen", "--issuer", "440300", "--out", prefix);

        assertThat(run.rc()).isEqualTo(1);
        assertThat(run.err()).contains(prefix + ".key exists; refusing to overwrite");
        assertThat(Files.readString(Path.of(prefix + ".key"))).isEqualTo("the only copy\n");
        assertThat(Path.of(prefix + ".pub")).doesNotExist();
    }

    @Test
    void keygen_existingPublicFile_refusedBeforeThePrivateOneIsWritten() throws Exception {
        String prefix = dir.resolve("sz").toString();
        Files.writeString(Path.of(prefix + ".pub"), "old\n");

        assertThat(CliRun.of("keygen", "--issuer", "440300", "--out", prefix).rc()).isEqualTo(1);
        assertThat(Path.of(prefix + ".key")).doesNotExist();
    }
}
