package dev.hcgateway.changes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each consumer hears the entry types it registered for, and only those; one failing does not silence others. */
class ChangeRoutesTest {

    private final ChangeRoutes routes = new ChangeRoutes();
    private final List<String> heard = new ArrayList<>();

    @Test
    void entryOfARegisteredType_reachesItsConsumersOnly() {
        routes.on("sighting", f -> heard.add("sighting:" + f.get("gate")));
        routes.on("code", f -> heard.add("code"));

        assertThat(routes.deliver(Map.of("type", "sighting", "gate", "g-1"))).isTrue();
        assertThat(heard).containsExactly("sighting:g-1");
        assertThat(routes.types()).containsExactlyInAnyOrder("sighting", "code");
    }

    @Test
    void unknownOrMissingType_notUsed() {
        routes.on("code", f -> heard.add("code"));
        assertThat(routes.deliver(Map.of("type", "future-type"))).isFalse();
        assertThat(routes.deliver(Map.of("id", "00"))).isFalse();
        assertThat(heard).isEmpty();
    }

    @Test
    void consumerThrows_othersStillHear_malformedCountsUnused() {
        routes.on("invalidate", f -> {
            throw new IllegalStateException("broken listener");
        });
        routes.on("invalidate", f -> heard.add("second"));
        assertThat(routes.deliver(Map.of("type", "invalidate"))).isTrue();
        assertThat(heard).containsExactly("second");

        routes.on("subject", f -> false);
        assertThat(routes.deliver(Map.of("type", "subject"))).as("no consumer could read it").isFalse();
    }
}
