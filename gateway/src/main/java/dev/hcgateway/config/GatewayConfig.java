package dev.hcgateway.config;

import dev.hcgateway.model.Scene;
import dev.hcgateway.model.Place;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** The whole, validated configuration: one record per section of {@code config/gateway.yaml}. */
public record GatewayConfig(
        HttpConfig http,
        VerifyConfig verify,
        CodesConfig codes,
        TrustConfig trust,
        Map<String, Scene> scenes,
        RedisConfig redis,
        AuthorityConfig authority,
        ColourConfig colour,
        AdminConfig admin,
        DocumentConfig document,
        ImageConfig image,
        PassagesConfig passages,
        TracerConfig tracer,
        Map<String, Place> places,
        Map<String, PassbackConfig> passback,
        SightingsConfig sightings,
        Map<String, RateLimit> sceneRateLimits,
        StateConfig state,
        OfflineConfig offline) {

    public GatewayConfig {
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(verify, "verify");
        Objects.requireNonNull(codes, "codes");
        Objects.requireNonNull(trust, "trust");
        Objects.requireNonNull(redis, "redis");
        Objects.requireNonNull(authority, "authority");
        Objects.requireNonNull(colour, "colour");
        Objects.requireNonNull(admin, "admin");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(passages, "passages");
        Objects.requireNonNull(tracer, "tracer");
        Objects.requireNonNull(sightings, "sightings");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(offline, "offline");
        places = Map.copyOf(places);
        sceneRateLimits = Map.copyOf(sceneRateLimits);
        if (tracer.token() != null && tracer.token().equals(admin.token())) {
            throw new ConfigException("tracer.token: must differ from admin.token");
        }
        if (colour.budgetMs() >= http.requestTimeoutMs()) {
            throw new ConfigException("colour.budgetMs: must be below http.requestTimeoutMs (" + http.requestTimeoutMs()
                    + "), or requests time out before a stand-in can answer");
        }
        scenes = Map.copyOf(scenes);
        if (scenes.isEmpty()) {
            throw new ConfigException("scenes: at least one scene is required");
        }
        if (!scenes.containsKey(verify.defaultScene())) {
            throw new ConfigException("verify.defaultScene: \"" + verify.defaultScene() + "\" is not a configured scene "
                    + scenes.keySet());
        }
    }

    /** Reads every section from the merged tree. */
    static GatewayConfig from(ConfigNode root) {
        ConfigNode scenesNode = root.child("scenes");
        Map<String, Scene> scenes = new LinkedHashMap<>();
        Map<String, RateLimit> limits = new LinkedHashMap<>();
        for (String name : scenesNode.keys()) {
            scenes.put(name, SceneReader.read(name, scenesNode.child(name)));
            limits.put(name, RateLimit.from(scenesNode.child(name).child("rateLimit"), "perGatePerSecond"));
        }
        return new GatewayConfig(
                HttpConfig.from(root.child("http")),
                VerifyConfig.from(root.child("verify")),
                CodesConfig.from(root.child("codes")),
                TrustConfig.from(root.child("trust")),
                scenes,
                RedisConfig.from(root.child("redis")),
                AuthorityConfig.from(root.child("authority")),
                ColourConfig.from(root.child("colour")),
                AdminConfig.from(root.child("admin")),
                DocumentConfig.from(root.child("document")),
                ImageConfig.from(root.child("image")),
                PassagesConfig.from(root.child("passages")),
                TracerConfig.from(root.child("tracer")),
                places(root.child("places")),
                PassbackConfig.fromScenes(scenesNode),
                SightingsConfig.from(root.child("passback")),
                limits,
                StateConfig.from(root.child("state")),
                OfflineConfig.from(root.child("offline")));
    }

    /** Reads {@code places}: gate-id prefix to {@code {id, name}}. */
    private static Map<String, Place> places(ConfigNode n) {
        Map<String, Place> places = new LinkedHashMap<>();
        for (String prefix : n.keys()) {
            ConfigNode place = n.child(prefix);
            places.put(prefix, new Place(place.string("id"), place.string("name")));
        }
        return places;
    }

    /** Returns the per-gate limit of a scene ({@link RateLimit#NONE} for none). */
    public RateLimit gateRateLimit(String scene) {
        return sceneRateLimits.getOrDefault(scene, RateLimit.NONE);
    }

    /** Returns the scene of this name, or null. */
    public Scene scene(String name) {
        return scenes.get(name);
    }
}
