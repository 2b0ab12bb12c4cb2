package dev.hcgateway.cli;

import dev.hcgateway.model.CodeKind;
import dev.hcgateway.model.Colour;
import dev.hcgateway.issuer.CodeClaims;
import dev.hcgateway.issuer.CodeMinter;
import dev.hcgateway.issuer.DccClaims;
import dev.hcgateway.issuer.DccMinter;
import dev.hcgateway.issuer.IssuerKey;
import dev.hcgateway.issuer.QrImages;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Mints signed codes with an issuer's private key, or EU DCCs with a signer's key and certificate. */
@Command(name = "mint", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Mint signed codes (one per line); --qr also writes the first as a PNG.",
            "A code lives 120 s unless --ttl says otherwise: verify it within that time.",
            "--format dcc mints an EU DCC (HC1:) instead: --key and --cert of the signer (DSC), --issuer its",
            "country, --subject the certificate identifier (UVCI); --dcc-type picks the certificate."})
public final class MintCommand implements Callable<Integer> {

    /** The default lifetime of a minted code, seconds. */
    static final long DEFAULT_TTL = 120;

    @Spec
    private CommandSpec spec;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "hcn1",
            description = "hcn1 (a health code) or dcc (an EU DCC, HC1:) (default: ${DEFAULT-VALUE})")
    private String format;
    @Option(names = "--key", required = true, paramLabel = "FILE", description = "issuer's private key (PKCS#8, base64)")
    private Path keyFile;
    @Option(names = "--cert", paramLabel = "FILE", description = "dcc: the signer's certificate (PEM or DER)")
    private Path certFile;
    @Option(names = "--dcc-type", paramLabel = "TYPE", defaultValue = "vaccination",
            description = "dcc: vaccination, test or recovery (default: ${DEFAULT-VALUE})")
    private String dccType;
    @Option(names = "--issuer", required = true, paramLabel = "ID", description = "issuer id of the key (dcc: country)")
    private String issuer;
    @Option(names = "--subject", required = true, paramLabel = "S", description = "the subject's pseudonym")
    private String subject;
    @Option(names = "--colour", paramLabel = "COLOUR", defaultValue = "green", converter = Converters.ColourValue.class,
            description = "green, yellow, orange or red (default: ${DEFAULT-VALUE})")
    private Colour colour;
    @Option(names = "--kind", paramLabel = "KIND", defaultValue = "personal", converter = Converters.KindValue.class,
            description = "personal, proxy, paper or international (default: ${DEFAULT-VALUE})")
    private CodeKind kind;
    @Option(names = "--relation", paramLabel = "R", description = "relation of a proxy code, e.g. parent")
    private String relation;
    @Option(names = "--vaccinated", paramLabel = "true|false", arity = "1", description = "vaccination claim (default: left out)")
    private Boolean vaccinated;
    @Option(names = "--ttl", paramLabel = "SECONDS", defaultValue = "" + DEFAULT_TTL,
            description = "lifetime: exp = iat + SECONDS (default: ${DEFAULT-VALUE} s, two minutes)")
    private long ttl;
    @Option(names = "--iat", paramLabel = "TIME", converter = Converters.EpochValue.class,
            description = "issued at, epoch seconds or ISO-8601 (default: now)")
    private Long iat;
    @Option(names = "--colour-age", paramLabel = "SECONDS", defaultValue = "0",
            description = "how long before iat the colour was known (default: ${DEFAULT-VALUE})")
    private long colourAge;
    @Option(names = "--count", paramLabel = "N", defaultValue = "1", description = "codes to print (default: ${DEFAULT-VALUE})")
    private int count;
    @Option(names = "--qr", paramLabel = "FILE.png", description = "also write the first code as a QR PNG")
    private Path qr;
    @Option(names = "--size", paramLabel = "PIXELS", defaultValue = "400", description = "QR size (default: ${DEFAULT-VALUE})")
    private int size;

    private final Clock clock;

    MintCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() throws Exception {
        if (!format.equals("hcn1") && !format.equals("dcc")) {
            throw new ParameterException(spec.commandLine(), "--format is hcn1 or dcc, not " + format);
        }
        if (ttl < 1 || count < 1 || colourAge < 0 || size < 21) {
            throw new ParameterException(spec.commandLine(),
                    "--ttl and --count must be at least 1, --colour-age at least 0, --size at least 21");
        }
        long issuedAt = iat != null ? iat : clock.instant().getEpochSecond();
        PrintWriter out = spec.commandLine().getOut();
        String first = null;
        for (String code : format.equals("dcc") ? dcc(issuedAt) : hcn1(issuedAt)) {
            first = first == null ? code : first;
            out.println(code);
        }
        out.flush();
        if (qr != null) {
            Files.write(qr, QrImages.encode(QrImages.render(first, size), "png"));
        }
        return 0;
    }

    private List<String> hcn1(long issuedAt) throws Exception {
        CodeMinter minter = new CodeMinter(IssuerKey.read(keyFile, issuer), null);
        SecureRandom random = new SecureRandom();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            codes.add(minter.mint(CodeClaims.typical(issuer, subject, colour, issuedAt, ttl, random)
                    .withKind(kind, relation)
                    .withTimes(issuedAt, issuedAt + ttl, issuedAt - colourAge)
                    .withVaccinated(vaccinated)));
        }
        return codes;
    }

    /** Mints DCCs: every copy has the same claims but its own signature (ES256 is randomised). */
    private List<String> dcc(long issuedAt) throws Exception {
        if (certFile == null) {
            throw new ParameterException(spec.commandLine(), "--format dcc needs --cert FILE, the signer's certificate");
        }
        DccClaims claims;
        try {
            claims = new DccClaims(dccType, issuer, subject, issuedAt, issuedAt + ttl);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        DccMinter minter = DccMinter.read(keyFile, certFile, issuer);
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            codes.add(minter.mint(claims));
        }
        return codes;
    }
}
