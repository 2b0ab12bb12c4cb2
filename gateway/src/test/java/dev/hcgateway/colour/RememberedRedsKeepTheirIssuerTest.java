package dev.hcgateway.colour;

import static dev.hcgateway.support.Gateways.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.model.Colour;
import dev.hcgateway.model.ColourSource;
import dev.hcgateway.model.SubjectKey;
import dev.hcgateway.state.StateDir;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A red the store gave is remembered with its issuer across a restart: after it, while the stores are down, that
 * issuer's code of the subject is still denied and another issuer's code of the same subject string is judged on
 * its own. A file written by a gateway that keyed subjects alone (no issuer) is still read: each of its reds denies
 * the subject under every issuer, more rather than less, until it ends.
 */
class RememberedRedsKeepTheirIssuerTest extends ProvincesFixture {

    @TempDir
    Path state;

    /** Restarts the colour stage on both stores down, reading the reds kept in the state directory. */
    private void restartWithStoresDown(StateDir dir) throws Exception {
        await(colours.close());
        gd.status = 503;
        sh.status = 503;
        provinces(Map.of("colour.budgetMs", 200));
        new RedMemory(dir, colours, clock).restore();
    }

    @Test
    void redUnderOneIssuer_restartedWhileStoresDown_deniesThatIssuersCodeOnly() throws Exception {
        provinces();
        gd.colours.put("s-same", "red");
        sh.colours.put("s-same", "green");
        scan(code(GD, "s-same", Colour.GREEN));
        scan(code(SH, "s-same", Colour.GREEN));
        try (StateDir dir = StateDir.open(state.toString())) {
            new RedMemory(dir, colours, clock).save();
            assertThat(Files.readString(state.resolve(RedMemory.FILE))).contains("\"issuer\":\"440300\"")
                    .doesNotContain("310000");

            restartWithStoresDown(dir);

            assertThat(scan(code(GD, "s-same", Colour.GREEN)).colour()).isEqualTo(Colour.RED);
            assertThat(scan(code(SH, "s-same", Colour.GREEN)).colour()).as("Shanghai's person is another person")
                    .isEqualTo(Colour.GREEN);
        }
    }

    @Test
    void fileWithoutIssuers_readAsRedsUnderEveryIssuer() throws Exception {
        provinces();
        long keepUntil = clock.millis() + 3_600_000;
        Files.writeString(state.resolve(RedMemory.FILE), "{\"subject\":\"s-old\",\"asOf\":" + (NOW - 30)
                + ",\"keepUntil\":" + keepUntil + "}\n");
        try (StateDir dir = StateDir.open(state.toString())) {
            restartWithStoresDown(dir);

            assertThat(scan(code(GD, "s-old", Colour.GREEN)).colour()).isEqualTo(Colour.RED);
            assertThat(scan(code(SH, "s-old", Colour.GREEN)).colour()).isEqualTo(Colour.RED);
            assertThat(scan(code(SH, "s-other", Colour.GREEN)).source()).isEqualTo(ColourSource.CODE);

            new RedMemory(dir, colours, clock).save();
            assertThat(Files.readString(state.resolve(RedMemory.FILE))).as("kept, still under every issuer")
                    .contains("\"subject\":\"s-old\"").doesNotContain("issuer");

            colours.invalidateLocal(List.of(new SubjectKey(SH, "s-old")));
            assertThat(scan(code(GD, "s-old", Colour.GREEN)).colour()).as("an invalidation of the subject drops it")
                    .isEqualTo(Colour.GREEN);
        }
    }
}
