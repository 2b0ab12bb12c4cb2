package dev.hcgateway.loadtest.simulations;

import dev.hcgateway.model.Colour;
import dev.hcgateway.config.ConfigLoader;
import dev.hcgateway.loadtest.pool.Category;
import dev.hcgateway.loadtest.pool.PoolEntry;
import dev.hcgateway.model.Decision;
import dev.hcgateway.model.Scene;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the gateway may answer for a pooled code at a scene, by the scenes of the default configuration (the
 * gateway API's table). Strict: exactly the policy's decision. Degraded (store down): the scene's fallback is
 * also fine, but a code that must not pass never may.
 */
public final class Expectations {

    private final Map<String, Scene> scenes;

    /** Creates expectations from the gateway's bundled default scenes. */
    public Expectations() {
        this.scenes = new ConfigLoader().defaultsWith(Map.of()).scenes();
    }

    /** Returns the scene names known. */
    public Set<String> sceneNames() {
        return scenes.keySet();
    }

    /** Returns the decision the policy gives this code at this scene when its subject's colour is {@code colour}. */
    public String expected(Category category, Colour colour, String scene) {
        if (!category.valid()) {
            return Decision.DENY.wire();
        }
        return scene(scene).decisions().get(colour).wire();
    }

    /** Returns the decisions allowed for an entry whose subject now has {@code colour}. */
    public List<String> allowed(PoolEntry entry, Colour colour, String scene, boolean degraded) {
        String expected = expected(entry.category(), colour, scene);
        if (!degraded || !entry.category().valid()) {
            return List.of(expected);
        }
        Set<String> allowed = new TreeSet<>(List.of(expected, scene(scene).fallback().wire()));
        if (!expected.equals(Decision.PASS.wire())) {
            allowed.remove(Decision.PASS.wire());
        }
        return List.copyOf(allowed);
    }

    private Scene scene(String name) {
        Scene s = scenes.get(name);
        if (s == null) {
            throw new IllegalArgumentException("unknown scene " + name + "; the default scenes are " + scenes.keySet());
        }
        return s;
    }
}
