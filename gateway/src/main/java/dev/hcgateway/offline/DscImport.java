package dev.hcgateway.offline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hcgateway.crypto.CryptoProvider;
import dev.hcgateway.trust.DscParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code trust import-dsc} command: converts a national DSC list ({@code {"certificates": [{kid, country,
 * rawData, ...}]}}, a signature line before the JSON skipped) into the trust file's {@code certificates}
 * array, keeping only the three fields and only items that load. An existing output file keeps its issuers.
 * Its options are parsed by the command line ({@code cli/TrustCommand}); this class only converts.
 */
public final class DscImport {

    private final ObjectMapper json = new ObjectMapper();

    /** Converts the list in {@code from} into {@code out}; returns 0 when written, 1 when the input is unusable. */
    public int run(Path from, Path out, PrintWriter err) {
        try {
            JsonNode list = json.readTree(skipSignatureLine(Files.readString(from, StandardCharsets.UTF_8)));
            JsonNode items = list == null ? null : list.get("certificates");
            if (items == null || !items.isArray()) {
                err.println(from + ": no \"certificates\" array");
                return 1;
            }
            ObjectNode trust = Files.exists(out) && json.readTree(out.toFile()) instanceof ObjectNode existing
                    ? existing : json.createObjectNode().set("issuers", json.createArrayNode());
            ArrayNode certificates = trust.putArray("certificates");
            DscParser parser = new DscParser(CryptoProvider.jdk("import").ecKeyFactory());
            List<String> problems = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                JsonNode item = items.get(i);
                if (parser.parse(item, from + ": certificates[" + i + "]", problems) != null) {
                    certificates.addObject().put("kid", item.get("kid").asText())
                            .put("country", item.get("country").asText()).put("rawData", item.get("rawData").asText());
                }
            }
            problems.forEach(p -> err.println("skipped " + p));
            json.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), trust);
            err.println("wrote " + certificates.size() + " certificates to " + out + " (" + problems.size()
                    + " skipped)");
            return 0;
        } catch (IOException e) {
            err.println("cannot convert " + from + ": " + e.getMessage());
            return 1;
        }
    }

    /** Returns the JSON part: national lists put a signature line before it. */
    static String skipSignatureLine(String content) {
        String trimmed = content.stripLeading();
        if (trimmed.startsWith("{")) {
            return trimmed;
        }
        int newline = trimmed.indexOf('\n');
        return newline < 0 ? "" : trimmed.substring(newline + 1);
    }
}
