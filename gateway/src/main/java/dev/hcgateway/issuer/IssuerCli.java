package dev.hcgateway.issuer;

import dev.hcgateway.model.CodeKind;
import dev.hcgateway.model.Colour;
import io.vertx.core.json.JsonObject;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The command-line tools of issuers, integrators and operators: make keys, print trust-list entries, mint
 * codes, render them as QR images, and revoke through a gateway's admin API.
 */
public final class IssuerCli {

    static final String USAGE = """
            usage: java -jar gateway.jar <command> [--option value ...]
              serve                          start the gateway (the default)
              keygen --issuer ID --out PREFIX
                                             write PREFIX.key (PKCS#8) and PREFIX.pub, print the trust list
              jwk --key FILE --issuer ID     print the trust list of an existing private key
              mint --key FILE --issuer ID --subject S
                   [--colour green|yellow|orange|red] [--kind personal|proxy|paper|international]
                   [--relation R] [--vaccinated true|false] [--ttl SECONDS] [--iat EPOCH]
                   [--colour-age SECONDS] [--count N] [--qr FILE.png] [--size PIXELS]
                                             print N codes (one per line); --qr writes the first as PNG
              qr --code TEXT --out FILE.png [--size PIXELS]
              revoke --url GATEWAY --token T (--code-id HEX | --subject S --issued-before EPOCH)
              invalidate --url GATEWAY --token T --subject S
            environment: HC_ADMIN_TOKEN stands in for --token""";

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;

    /** Creates the CLI writing to these streams. */
    public IssuerCli(PrintStream out, PrintStream err, Map<String, String> env) {
        this.out = out;
        this.err = err;
        this.env = env;
    }

    /** Runs a command; returns the process exit code (0 ok, 2 usage, 1 failure). */
    public int run(String[] args) {
        Map<String, String> o;
        try {
            o = options(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        }
        try {
            switch (args[0]) {
                case "keygen" -> keygen(o);
                case "jwk" -> out.println(IssuerKey.read(Path.of(need(o, "key")), need(o, "issuer"))
                        .trustList("issuer " + need(o, "issuer")).encodePrettily());
                case "mint" -> mint(o);
                case "qr" -> Files.write(Path.of(need(o, "out")), QrImages.encode(
                        QrImages.render(need(o, "code"), Integer.parseInt(o.getOrDefault("size", "400"))), "png"));
                case "revoke" -> admin(o, "/admin/v1/revocations", o.containsKey("code-id")
                        ? new JsonObject().put("codeId", need(o, "code-id"))
                        : new JsonObject().put("subject", need(o, "subject"))
                        .put("issuedBefore", Long.parseLong(need(o, "issued-before"))));
                case "invalidate" -> admin(o, "/admin/v1/invalidations",
                        new JsonObject().put("subjects", new io.vertx.core.json.JsonArray().add(need(o, "subject"))));
                case "help", "--help", "-h" -> out.println(USAGE);
                default -> {
                    err.println("unknown command: " + args[0]);
                    err.println(USAGE);
                    return 2;
                }
            }
            return 0;
        } catch (IllegalArgumentException e) {
            err.println(args[0] + ": " + e.getMessage());
            return 2;
        } catch (Exception e) {
            err.println(args[0] + " failed: " + e.getMessage());
            return 1;
        }
    }

    private void keygen(Map<String, String> o) throws Exception {
        IssuerKey key = IssuerKey.generate(need(o, "issuer"));
        String prefix = need(o, "out");
        Files.writeString(Path.of(prefix + ".key"), key.privateKeyBase64() + "\n", StandardCharsets.US_ASCII);
        Files.writeString(Path.of(prefix + ".pub"), key.publicKeyBase64() + "\n", StandardCharsets.US_ASCII);
        out.println(key.trustList("issuer " + key.issuer()).encodePrettily());
    }

    private void mint(Map<String, String> o) throws Exception {
        IssuerKey key = IssuerKey.read(Path.of(need(o, "key")), need(o, "issuer"));
        CodeMinter minter = new CodeMinter(key, null);
        Colour colour = Colour.ofWire(o.getOrDefault("colour", "green"));
        CodeKind kind = kindOf(o.getOrDefault("kind", "personal"));
        if (colour == null || colour == Colour.UNKNOWN) {
            throw new IllegalArgumentException("--colour must be green, yellow, orange or red");
        }
        long iat = Long.parseLong(o.getOrDefault("iat", Long.toString(System.currentTimeMillis() / 1000)));
        long ttl = Long.parseLong(o.getOrDefault("ttl", "120"));
        long colourAge = Long.parseLong(o.getOrDefault("colour-age", "0"));
        int count = Integer.parseInt(o.getOrDefault("count", "1"));
        SecureRandom random = new SecureRandom();
        String first = null;
        for (int i = 0; i < count; i++) {
            CodeClaims claims = CodeClaims.typical(key.issuer(), need(o, "subject"), colour, iat, ttl, random)
                    .withKind(kind, o.get("relation"))
                    .withTimes(iat, iat + ttl, iat - colourAge)
                    .withVaccinated(o.containsKey("vaccinated") ? Boolean.valueOf(o.get("vaccinated")) : null);
            String code = minter.mint(claims);
            first = first == null ? code : first;
            out.println(code);
        }
        if (o.containsKey("qr")) {
            Files.write(Path.of(o.get("qr")), QrImages.encode(
                    QrImages.render(first, Integer.parseInt(o.getOrDefault("size", "400"))), "png"));
        }
    }

    private void admin(Map<String, String> o, String path, JsonObject body) throws Exception {
        String token = o.getOrDefault("token", env.get("HC_ADMIN_TOKEN"));
        if (token == null) {
            throw new IllegalArgumentException("--token (or HC_ADMIN_TOKEN) is required");
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(need(o, "url") + path))
                .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.encode())).build(), HttpResponse.BodyHandlers.ofString());
        out.println(response.statusCode() + " " + response.body());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("the gateway refused the change");
        }
    }

    private static CodeKind kindOf(String name) {
        for (CodeKind k : CodeKind.values()) {
            if (k.wire().equals(name)) {
                return k;
            }
        }
        throw new IllegalArgumentException("--kind must be personal, proxy, paper or international");
    }

    private static String need(Map<String, String> o, String name) {
        String v = o.get(name);
        if (v == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return v;
    }

    static Map<String, String> options(String[] args) {
        if (args.length == 0) {
            throw new IllegalArgumentException("no command given");
        }
        Map<String, String> o = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --option value, got " + args[i]);
            }
            o.put(args[i].substring(2), args[++i]);
        }
        return o;
    }

}
