package dev.hcgateway.truststore;

import static dev.hcgateway.support.Gateways.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.crypto.CryptoProvider;
import dev.hcgateway.issuer.IssuerKey;
import dev.hcgateway.support.TestData;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import dev.hcgateway.trust.TrustList;
import dev.hcgateway.trust.TrustListParser;

/** The trust list follows its file: a new valid file replaces it, a broken one is refused and the old kept. */
@ExtendWith(VertxExtension.class)
class TrustStoreTest {

    @TempDir
    Path dir;
    private TrustStore store;

    private TrustStore start(Vertx vertx, Path file) {
        store = new TrustStore(new TrustListParser(CryptoProvider.select(true).ecKeyFactory()), file.toString(),
                new SimpleMeterRegistry());
        await(store.start(vertx, 100));
        return store;
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void start_missingFile_failsNamingTheFile(Vertx vertx) {
        TrustStore s = new TrustStore(new TrustListParser(CryptoProvider.select(true).ecKeyFactory()),
                dir.resolve("absent.json").toString(), new SimpleMeterRegistry());
        Throwable failure = s.start(vertx, 100).toCompletionStage().toCompletableFuture().handle((v, e) -> e).join();
        assertThat(failure).hasMessageContaining("absent.json");
    }

    @Test
    void reload_fileReplacedWithNewIssuer_newListServedWithoutRestart(Vertx vertx) throws Exception {
        Path file = TestData.trustFile(dir);
        start(vertx, file);
        assertThat(store.current().size()).isEqualTo(2);
        IssuerKey extra = IssuerKey.generate("440300");
        Files.writeString(file, extra.trustList("Shenzhen").encode());
        waitFor(() -> store.current().size() == 1 && store.current().find(extra.kid()) != null);
        assertThat(store.lastProblem()).isNull();
    }

    @Test
    void reload_brokenFile_keepsOldListAndSaysWhy(Vertx vertx) throws Exception {
        Path file = TestData.trustFile(dir);
        start(vertx, file);
        TrustList before = store.current();
        Files.writeString(file, "{\"issuers\": [ {\"id\": \"330100\"");
        waitFor(() -> store.lastProblem() != null);
        assertThat(store.current()).isSameAs(before);
        assertThat(store.lastProblem()).contains(file.toString()).contains("keeping the list in force");
    }

    @Test
    void reload_keyRemoved_distrustsItsCodes(Vertx vertx) throws Exception {
        Path file = TestData.trustFile(dir);
        start(vertx, file);
        IssuerKey k330100 = TestData.issuerKey("330100");
        assertThat(store.current().find(k330100.kid())).isNotNull();
        String only110000 = new io.vertx.core.json.JsonObject(Files.readString(file)).getJsonArray("issuers")
                .stream().filter(i -> ((io.vertx.core.json.JsonObject) i).getString("id").equals("110000"))
                .collect(io.vertx.core.json.JsonArray::new, io.vertx.core.json.JsonArray::add, (a, b) -> { })
                .encode();
        Files.writeString(file, "{\"issuers\":" + only110000 + "}");
        waitFor(() -> store.current().find(k330100.kid()) == null);
        assertThat(store.current().size()).isEqualTo(1);
    }

    /** Polls an asynchronous effect with a deadline (the reload timer runs on its own). */
    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 5 s");
            }
            Thread.sleep(20);
        }
    }
}
