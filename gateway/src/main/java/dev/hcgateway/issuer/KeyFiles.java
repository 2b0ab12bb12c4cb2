package dev.hcgateway.issuer;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;

/**
 * Writes a key pair as {@code PREFIX.key} (PKCS#8, owner-only: 0600) and {@code PREFIX.pub} (0644). Never
 * overwrites: an existing file may be the only copy of a key in use, so both names are checked before
 * anything is written, and each file is created with {@code CREATE_NEW} (no race with another writer).
 */
public final class KeyFiles {

    private KeyFiles() {
    }

    /** Returns the private key file of a prefix. */
    public static Path privateFile(String prefix) {
        return Path.of(prefix + ".key");
    }

    /** Returns the public key file of a prefix. */
    public static Path publicFile(String prefix) {
        return Path.of(prefix + ".pub");
    }

    /** Writes both files; throws {@link FileAlreadyExistsException} naming the first that exists. */
    public static void write(IssuerKey key, String prefix) throws IOException, GeneralSecurityException {
        Path priv = privateFile(prefix);
        Path pub = publicFile(prefix);
        for (Path p : new Path[] {priv, pub}) {
            if (Files.exists(p)) {
                throw new FileAlreadyExistsException(p.toString(), null, "exists; refusing to overwrite a key file");
            }
        }
        create(priv, key.privateKeyBase64(), "rw-------");
        create(pub, key.publicKeyBase64(), "rw-r--r--");
    }

    /**
     * Writes a private key file readable by its owner only ({@code 0600}), replacing one that exists: for tools
     * that regenerate their own throwaway keys (the load-test pool), never for an issuer's key.
     */
    public static void replacePrivate(IssuerKey key, Path file) throws IOException, GeneralSecurityException {
        Files.deleteIfExists(file);
        create(file, key.privateKeyBase64(), "rw-------");
    }

    private static void create(Path file, String base64, String mode) throws IOException {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        FileAttribute<?>[] attrs = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(mode))}
                : new FileAttribute<?>[0];
        // createFile applies the mode at creation (masked by the umask, which never widens 0600), so the
        // private key is never readable by others, not even for a moment.
        Files.createFile(file, attrs);
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.WRITE)) {
            out.write((base64 + "\n").getBytes(StandardCharsets.US_ASCII));
        }
    }
}
