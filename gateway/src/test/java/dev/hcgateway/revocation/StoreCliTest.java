package dev.hcgateway.revocation;

import static dev.hcgateway.revocation.MirrorTest.code;
import static dev.hcgateway.revocation.RedisRevocationsTest.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.config.ConfigLoader;
import dev.hcgateway.support.RedisFixture;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The operator's path back from a lost Redis: export, (loss), init, import; every revocation enforced again. */
@ExtendWith(VertxExtension.class)
class StoreCliTest {

    @TempDir
    Path dir;

    private int cli(RedisFixture redis, String... words) {
        String[] args = new String[words.length + 5];
        args[0] = "store";
        System.arraycopy(words, 0, args, 1, words.length);
        args[words.length + 1] = "--redis";
        args[words.length + 2] = redis.uri();
        args[words.length + 3] = "--prefix";
        args[words.length + 4] = redis.prefix();
        PrintStream sink = new PrintStream(new ByteArrayOutputStream());
        return new StoreCli(sink, sink, Map.of()).run(args);
    }

    @Test
    void exportThenLossThenInitAndImport_everyRevocationEnforcedAgain(Vertx vertx) throws Exception {
        try (RedisFixture redis = new RedisFixture(RedisFixture.SHARED_URI)) {
            var config = new ConfigLoader().defaultsWith(Map.of("redis.uri", redis.uri(),
                    "redis.keyPrefix", redis.prefix())).redis();
            RedisRevocations before = new RedisRevocations(vertx, config, Clock.systemUTC(), new SimpleMeterRegistry());
            await(before.start());
            await(before.revokeCode(HexFormat.of().parseHex("e5e5e5e5e5e5e5e5e5e5e501")));
            await(before.revokeSubject(SubjectKey.everyIssuer("s-9"), 2000));
            await(before.close());
            Path export = dir.resolve("revocations.jsonl");
            assertThat(cli(redis, "export", "--out", export.toString())).isZero();

            redis.deleteAll(); // the loss
            assertThat(cli(redis, "import", "--in", export.toString())).as("refused without the marker").isOne();
            assertThat(cli(redis, "init")).isZero();
            assertThat(cli(redis, "import", "--in", export.toString())).isZero();
            assertThat(cli(redis, "import", "--in", export.toString())).as("safe to repeat").isZero();

            var strict = new ConfigLoader().defaultsWith(Map.of("redis.uri", redis.uri(),
                    "redis.keyPrefix", redis.prefix(), "redis.requireMarker", true)).redis();
            RedisRevocations after = new RedisRevocations(vertx, strict, Clock.systemUTC(), new SimpleMeterRegistry());
            await(after.start());
            assertThat(after.isRevoked(code("e5e5e5e5e5e5e5e5e5e5e501", "s-1", 1000))).isTrue();
            assertThat(after.isRevoked(code("e5e5e5e5e5e5e5e5e5e5e502", "s-9", 1999))).isTrue();
            assertThat(redis.redis().scard(redis.prefix() + "revocations:codes")).isOne();
            await(after.close());
        }
    }
}
