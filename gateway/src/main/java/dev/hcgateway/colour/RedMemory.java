package dev.hcgateway.colour;

import dev.hcgateway.model.SubjectKey;
import dev.hcgateway.state.StateDir;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the colour stage's remembered reds in the state directory ({@code reds.jsonl}, one
 * {@code {"issuer", "subject", "asOf", "keepUntil"}} line each): written with the mirror, read back at start, so a
 * gateway restarted while a store is down still denies every subject that store last said was red. A line without
 * {@code issuer} (written by a gateway that keyed subjects alone, or a red kept under every issuer) is read as the
 * subject under every issuer: it denies more, never less, until it ends. A gateway that knows no issuers reads this
 * file as before (it ignores the field), also denying more.
 */
public final class RedMemory {

    private static final Logger LOG = LoggerFactory.getLogger(RedMemory.class);
    static final String FILE = "reds.jsonl";

    private final StateDir dir;
    private final ColourService colours;
    private final Clock clock;
    private List<RememberedRed> written = List.of();

    /** Creates the memory of {@code colours}' reds in {@code dir}. */
    public RedMemory(StateDir dir, ColourService colours, Clock clock) {
        this.dir = dir;
        this.colours = colours;
        this.clock = clock;
    }

    /** Reads the reds kept on disk back into the colour stage (blocking: run it off the event loops). */
    public void restore() {
        List<RememberedRed> reds = new ArrayList<>();
        try (InputStream in = dir.read(FILE)) {
            if (in == null) {
                return;
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            long now = clock.millis();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                JsonObject red = new JsonObject(line);
                if (red.getLong("keepUntil") > now) {
                    reds.add(new RememberedRed(SubjectKey.of(red.getString("issuer"), red.getString("subject")),
                            red.getLong("asOf"), red.getLong("keepUntil")));
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("{} unreadable ({}): no remembered reds", dir.where(FILE), e.toString());
            return;
        }
        colours.remember(reds);
        LOG.info("{} remembered reds read from {}", reds.size(), dir.where(FILE));
    }

    /** Writes the reds when they changed (on the state writer's thread). */
    public void save() {
        List<RememberedRed> reds = colours.reds();
        if (reds.equals(written)) {
            return;
        }
        try {
            dir.write(FILE, out -> {
                for (RememberedRed red : reds) {
                    JsonObject line = new JsonObject();
                    if (!red.key().everyIssuer()) {
                        line.put("issuer", red.key().issuer());
                    }
                    out.write(line.put("subject", red.key().subject()).put("asOf", red.asOf())
                            .put("keepUntil", red.keepUntilMillis()).encode().getBytes(StandardCharsets.UTF_8));
                    out.write('\n');
                }
            });
            written = reds;
        } catch (IOException e) {
            LOG.warn("remembered reds not written to {}: {}", dir.where(FILE), e.toString());
        }
    }
}
