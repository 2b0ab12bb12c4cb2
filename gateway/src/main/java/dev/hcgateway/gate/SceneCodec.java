package dev.hcgateway.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hcgateway.model.CertificateType;
import dev.hcgateway.model.Colour;
import dev.hcgateway.model.DccRules;
import dev.hcgateway.model.Decision;
import dev.hcgateway.model.Scene;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Writes a scene's rules into a bundle in the shape of {@code config/gateway.yaml}'s scenes (colour lists per
 * decision, ages, fallback, issuers, the {@code dcc} block), and reads them back; a bundle's scene that the
 * {@link Scene} record refuses refuses the bundle. Anti-passback and rate limits stay at the gateway.
 */
final class SceneCodec {

    private final JsonNodeFactory nodes = JsonNodeFactory.instance;

    /** Returns the scene as a map node. */
    ObjectNode write(Scene scene) {
        ObjectNode n = nodes.objectNode();
        for (Decision d : Decision.values()) {
            ArrayNode colours = n.putArray(d.wire());
            for (Colour c : new Colour[]{Colour.GREEN, Colour.YELLOW, Colour.ORANGE, Colour.RED}) {
                if (scene.decisions().get(c) == d) {
                    colours.add(c.wire());
                }
            }
        }
        n.put("maxCodeAgeSeconds", scene.maxCodeAgeSeconds()).put("snapshotMaxAgeSeconds", scene.snapshotMaxAgeSeconds())
                .put("fallback", scene.fallback().wire()).put("requireVaccinated", scene.requireVaccinated());
        ArrayNode issuers = n.putArray("issuers");
        scene.issuers().stream().sorted().forEach(issuers::add);
        DccRules dcc = scene.dcc();
        if (dcc != null) {
            ObjectNode d = n.putObject("dcc");
            ArrayNode accept = d.putArray("accept");
            dcc.accept().stream().sorted().forEach(t -> accept.add(t.wire()));
            d.put("vaccinationMinDays", dcc.vaccinationMinDays()).put("testMaxAgeHours", dcc.testMaxAgeHours())
                    .put("recoveryWithinValidity", dcc.recoveryWithinValidity()).put("failAction", dcc.failAction().wire());
        }
        return n;
    }

    /** Reads a scene written by {@link #write}; throws {@link IllegalArgumentException} naming what is wrong. */
    Scene read(String name, JsonNode n) {
        Map<Colour, Decision> decisions = new EnumMap<>(Colour.class);
        for (Decision d : Decision.values()) {
            for (JsonNode c : array(n, d.wire())) {
                Colour colour = Colour.ofWire(c.asText());
                if (colour == null || decisions.put(colour, d) != null) {
                    throw new IllegalArgumentException("scene " + name + ": bad colour list " + d.wire());
                }
            }
        }
        Decision fallback = Decision.ofWire(n.path("fallback").asText());
        if (fallback == null) {
            throw new IllegalArgumentException("scene " + name + ": no fallback");
        }
        Set<String> issuers = new HashSet<>();
        array(n, "issuers").forEach(i -> issuers.add(i.asText()));
        return new Scene(name, decisions, n.path("maxCodeAgeSeconds").asLong(-1),
                n.path("snapshotMaxAgeSeconds").asLong(-1), fallback, n.path("requireVaccinated").asBoolean(),
                issuers, n.has("dcc") ? dcc(name, n.get("dcc")) : null);
    }

    private DccRules dcc(String name, JsonNode d) {
        Set<CertificateType> accept = EnumSet.noneOf(CertificateType.class);
        for (JsonNode t : array(d, "accept")) {
            CertificateType type = CertificateType.ofWire(t.asText());
            if (type == null) {
                throw new IllegalArgumentException("scene " + name + ": unknown certificate type");
            }
            accept.add(type);
        }
        Decision action = Decision.ofWire(d.path("failAction").asText());
        if (action == null) {
            throw new IllegalArgumentException("scene " + name + ": no dcc failAction");
        }
        return new DccRules(accept, d.path("vaccinationMinDays").asInt(-1), d.path("testMaxAgeHours").asInt(-1),
                d.path("recoveryWithinValidity").asBoolean(), action);
    }

    private static Iterable<JsonNode> array(JsonNode n, String field) {
        JsonNode a = n.get(field);
        if (a == null || !a.isArray()) {
            throw new IllegalArgumentException("\"" + field + "\" is not a list");
        }
        return a;
    }
}
