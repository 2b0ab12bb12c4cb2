package dev.hcgateway.cli;

import dev.hcgateway.issuer.QrImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Renders a code as a QR image. */
@Command(name = "qr", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Render a code as a QR PNG.")
public final class QrCommand implements Callable<Integer> {

    @Option(names = "--code", required = true, paramLabel = "TEXT", description = "the code (HCN1:...)")
    private String code;

    @Option(names = "--out", required = true, paramLabel = "FILE.png", description = "the PNG to write")
    private Path out;

    @Option(names = "--size", paramLabel = "PIXELS", defaultValue = "400",
            description = "width and height (default: ${DEFAULT-VALUE})")
    private int size;

    @Override
    public Integer call() throws Exception {
        Files.write(out, QrImages.encode(QrImages.render(code, size), "png"));
        return 0;
    }
}
