package dev.hcgateway.revocation;

import dev.hcgateway.model.SubjectKey;

import static dev.hcgateway.revocation.MirrorTest.code;
import static dev.hcgateway.support.Gateways.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.config.ConfigLoader;
import dev.hcgateway.support.CliRun;
import dev.hcgateway.support.RedisFixture;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator's {@code store} commands, run through the jar's command line against a real Redis: they read the
 * configuration as the gateway does (the key prefix from the environment), an export of a store without its
 * marker fails instead of writing an empty backup, an export re-seeds a flushed store with its own generation,
 * and subjects of the unscoped era move into the issuer-scoped hash.
 */
@ExtendWith(VertxExtension.class)
class StoreCommandsTest {

    @TempDir
    Path dir;
    private RedisFixture redis;
    private Vertx vertx;
    private Map<String, String> env;

    @BeforeEach
    void setUp(Vertx vertx) {
        this.vertx = vertx;
        this.redis = new RedisFixture(RedisFixture.SHARED_URI);
        this.env = Map.of("HC_REDIS_URI", redis.uri(), "HC_REDIS_KEY_PREFIX", redis.prefix());
    }

    @AfterEach
    void tearDown() {
        redis.close();
    }

    private CliRun store(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "store";
        System.arraycopy(args, 0, all, 1, args.length);
        return CliRun.of(env, Clock.systemUTC(), all);
    }

    private RedisRevocations started() throws Exception {
        RedisRevocations store = new RedisRevocations(vertx, new ConfigLoader().defaultsWith(Map.of("redis.uri",
                redis.uri(), "redis.keyPrefix", redis.prefix())).redis(), Clock.systemUTC(), new SimpleMeterRegistry());
        await(store.start());
        return store;
    }

    @Test
    void export_prefixFromTheEnvironment_exportsThatStore() throws Exception {
        redis.initStore();
        RedisRevocations gateway = started();
        await(gateway.revokeCode(HexFormat.of().parseHex("e5e5e5e5e5e5e5e5e5e5e501")));
        await(gateway.close());
        Path file = dir.resolve("backup.jsonl");

        CliRun run = store("export", "--out", file.toString());

        assertThat(run.rc()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("exported 1 code ids and 0 subjects");
        assertThat(Files.readString(file)).contains("\"generation\":\"" + redis.redis().get(redis.prefix()
                + "revocations:epoch") + "\"").contains("e5e5e5e5e5e5e5e5e5e5e501");
    }

    @Test
    void export_storeWithoutItsMarker_failsWithExit1AndWritesNoFile() {
        Path file = dir.resolve("backup.jsonl");

        CliRun run = store("export", "--out", file.toString());

        assertThat(run.rc()).isOne();
        assertThat(run.err()).contains(redis.prefix() + "revocations:epoch is missing").contains("HC_REDIS_KEY_PREFIX");
        assertThat(file).doesNotExist();
        assertThat(dir.resolve("backup.jsonl.partial")).doesNotExist();
    }

    @Test
    void exportThenFlushThenImport_reseededWithItsGeneration_everyRevocationEnforcedAgain() throws Exception {
        redis.initStore();
        String generation = redis.redis().get(redis.prefix() + "revocations:epoch");
        RedisRevocations before = started();
        await(before.revokeCode(HexFormat.of().parseHex("e5e5e5e5e5e5e5e5e5e5e501")));
        await(before.revokeSubject(SubjectKey.everyIssuer("s-9"), 2000));
        await(before.revokeSubject(new SubjectKey("330100", "s-8"), 3000));
        await(before.close());
        Path export = dir.resolve("revocations.jsonl");
        assertThat(store("export", "--out", export.toString()).rc()).isZero();

        redis.deleteAll(); // the loss
        CliRun imported = store("import", "--in", export.toString());
        assertThat(imported.rc()).as(imported.err()).isZero();
        assertThat(imported.out()).startsWith("imported 1 code ids and 2 subjects");
        assertThat(store("import", "--in", export.toString()).rc()).as("safe to repeat").isZero();

        assertThat(redis.redis().get(redis.prefix() + "revocations:epoch")).as("the export's generation").isEqualTo(
                generation);
        RedisRevocations after = started();
        assertThat(after.isRevoked(code("e5e5e5e5e5e5e5e5e5e5e501", "s-1", 1000))).isTrue();
        assertThat(after.isRevoked(code("e5e5e5e5e5e5e5e5e5e5e502", "s-9", 1999))).isTrue();
        assertThat(after.isRevoked(MirrorTest.code("330100", "e5e5e5e5e5e5e5e5e5e5e503", "s-8", 2999))).isTrue();
        assertThat(after.isRevoked(MirrorTest.code("110000", "e5e5e5e5e5e5e5e5e5e5e503", "s-8", 2999))).isFalse();
        assertThat(redis.redis().scard(redis.prefix() + "revocations:codes")).isOne();
        await(after.close());
    }

    @Test
    void import_olderExportWithoutGenerationIntoAFlushedStore_refusedUntilInit() throws Exception {
        Path old = dir.resolve("old.jsonl");
        Files.writeString(old, "{\"codeId\":\"e5e5e5e5e5e5e5e5e5e5e501\"}\n{\"subject\":\"s-9\",\"issuedBefore\":\"2000\"}\n");

        CliRun refused = store("import", "--in", old.toString());
        assertThat(refused.rc()).isOne();
        assertThat(refused.err()).contains("run store init first");
        assertThat(store("init").out()).startsWith("created generation ");
        assertThat(store("import", "--in", old.toString()).rc()).isZero();

        RedisRevocations after = started();
        assertThat(after.isRevoked(code("e5e5e5e5e5e5e5e5e5e5e501", "s-1", 1000))).isTrue();
        assertThat(after.isRevoked(code("e5e5e5e5e5e5e5e5e5e5e502", "s-9", 1999))).isTrue();
        await(after.close());
    }

    @Test
    void migrate_subjectsOfTheUnscopedEra_movedAsEveryIssuers_enforcedBeforeAndAfter() throws Exception {
        redis.initStore();
        redis.redis().hset(redis.prefix() + "revocations:subjects", Map.of("s-old", "5000", "s-both", "100"));
        redis.redis().hset(redis.prefix() + "revocations:issuer-subjects", "*:s-both", "200");
        RedisRevocations beforeMigration = started();
        assertThat(beforeMigration.isRevoked(MirrorTest.code("110000", "e5e5e5e5e5e5e5e5e5e5e501", "s-old", 4999)))
                .as("an unscoped subject counts for every issuer").isTrue();
        await(beforeMigration.close());

        CliRun run = store("migrate");

        assertThat(run.out()).startsWith("moved 2 subjects");
        assertThat(redis.redis().exists(redis.prefix() + "revocations:subjects")).isZero();
        assertThat(redis.redis().hgetall(redis.prefix() + "revocations:issuer-subjects"))
                .isEqualTo(Map.of("*:s-old", "5000", "*:s-both", "200"));
        RedisRevocations afterMigration = started();
        assertThat(afterMigration.isRevoked(MirrorTest.code("110000", "e5e5e5e5e5e5e5e5e5e5e501", "s-old", 4999)))
                .isTrue();
        assertThat(afterMigration.isRevoked(MirrorTest.code("330100", "e5e5e5e5e5e5e5e5e5e5e501", "s-both", 199)))
                .isTrue();
        await(afterMigration.close());
    }

    @Test
    void store_withoutACommand_usageError() {
        CliRun run = store();
        assertThat(run.rc()).isEqualTo(2);
        assertThat(run.err()).contains("Missing COMMAND");
    }
}
