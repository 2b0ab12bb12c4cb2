package dev.hcgateway.cli;

import dev.hcgateway.config.ConfigException;
import dev.hcgateway.config.GatewayConfig;
import dev.hcgateway.passage.Passages;
import dev.hcgateway.tracer.TracerApi;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Creates or migrates the passages store's schema, partitions and tracer audit ({@code HC_PASSAGES_URL}), then exits. */
@Command(name = "migrate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Create or migrate the passages store's schema, day partitions and tracer audit (HC_PASSAGES_URL).")
public final class MigrateCommand implements Callable<Integer> {

    private final Map<String, String> env;

    @Spec
    private CommandSpec spec;

    @Mixin
    private ConfigOptions configuration;

    MigrateCommand(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public Integer call() throws Exception {
        GatewayConfig config = configuration.load(env, Map.of(), new ArrayList<>());
        if (config.passages().url() == null) {
            throw new ConfigException("passages.url is not set: set HC_PASSAGES_URL (postgresql://user@host:5432/db)");
        }
        Vertx vertx = Vertx.vertx();
        try {
            Passages passages = new Passages(vertx, config, Clock.systemUTC(), new SimpleMeterRegistry());
            passages.migrate().compose(v -> TracerApi.migrate(passages.store())).await(60, TimeUnit.SECONDS);
            spec.commandLine().getOut().println("passages schema migrated");
            return 0;
        } finally {
            vertx.close();
        }
    }
}
