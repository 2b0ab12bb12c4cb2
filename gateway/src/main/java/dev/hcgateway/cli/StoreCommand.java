package dev.hcgateway.cli;

import dev.hcgateway.config.GatewayConfig;
import dev.hcgateway.revocation.StoreAdmin;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Operates on the revocation store in Redis (docs/revocation.md): {@code init}, {@code clear-lost}, {@code export},
 * {@code import}, {@code restore}, {@code migrate}. Each reads the configuration as {@code serve} does (Redis URI
 * and key prefix from {@code HC_REDIS_URI}/{@code HC_REDIS_KEY_PREFIX} or {@code HC_CONFIG}; {@code --redis},
 * {@code --prefix} on top), so a backup is always of the store the gateways use.
 */
@Command(name = "store", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        synopsisSubcommandLabel = "COMMAND",
        description = {"Operate on the revocation store in Redis: start a generation, clear a rollback finding,",
            "export it, re-seed it from an export or a surviving gateway, move old subjects."})
public final class StoreCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    private StoreCommand() {
    }

    /** Returns the command line of {@code store} and its sub-commands, reading {@code env}. */
    static CommandLine commandLine(Map<String, String> env) {
        return new CommandLine(new StoreCommand())
                .addSubcommand(new Init(env))
                .addSubcommand(new ClearLost(env))
                .addSubcommand(new Export(env))
                .addSubcommand(new Import(env))
                .addSubcommand(new Restore(env))
                .addSubcommand(new Migrate(env));
    }

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing COMMAND: init, clear-lost, export,"
                + " import, restore or migrate");
    }

    /** What every store command shares: the configuration, the store it names, and its work on it. */
    abstract static class Action implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ConfigOptions configuration;

        @Option(names = "--redis", paramLabel = "URI", description = "Redis (redis.uri; default: $HC_REDIS_URI)")
        String redis;

        @Option(names = "--prefix", paramLabel = "PREFIX", description = "key prefix (redis.keyPrefix; default:"
                + " $HC_REDIS_KEY_PREFIX, else hc:)")
        String prefix;

        final Map<String, String> env;

        Action(Map<String, String> env) {
            this.env = env;
        }

        @Override
        public Integer call() throws Exception {
            Map<String, String> options = new HashMap<>();
            options.put("HC_REDIS_URI", redis);
            options.put("HC_REDIS_KEY_PREFIX", prefix);
            GatewayConfig config = configuration.load(env, options, new ArrayList<>());
            if (config.redis().uri() == null) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "Missing --redis (or HC_REDIS_URI, redis.uri): the Redis of the revocation store");
            }
            try (StoreAdmin admin = new StoreAdmin(config.redis())) {
                run(admin, spec.commandLine().getOut());
            }
            spec.commandLine().getOut().flush();
            return 0;
        }

        abstract void run(StoreAdmin admin, PrintWriter out) throws Exception;
    }

    @Command(name = "init", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Create the marker (a new generation) unless there is one: a new install's first step.")
    static final class Init extends Action {
        Init(Map<String, String> env) {
            super(env);
        }

        @Override
        void run(StoreAdmin admin, PrintWriter out) {
            out.println(admin.init());
        }
    }

    @Command(name = "clear-lost", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Delete the rollback finding once the data is restored.")
    static final class ClearLost extends Action {
        ClearLost(Map<String, String> env) {
            super(env);
        }

        @Override
        void run(StoreAdmin admin, PrintWriter out) {
            out.println(admin.clearLost() ? "cleared" : "nothing to clear");
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = {"Write every revocation as JSON lines (with the generation): keep it off the Redis host.",
                "Fails (exit 1) on a store without its marker: an empty backup never passes for one."})
    static final class Export extends Action {
        @Option(names = "--out", required = true, paramLabel = "FILE", description = "the file to write")
        Path file;

        Export(Map<String, String> env) {
            super(env);
        }

        @Override
        void run(StoreAdmin admin, PrintWriter out) throws Exception {
            Path temp = file.resolveSibling(file.getFileName() + ".partial");
            StoreAdmin.Counts counts;
            try (OutputStream written = Files.newOutputStream(temp)) {
                counts = admin.export(written);
            } catch (Exception e) {
                Files.deleteIfExists(temp);
                throw e;
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            out.println("exported " + counts.codes() + " code ids and " + counts.subjects() + " subjects to " + file);
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = {"Re-seed the store from an export file (safe to repeat). With the marker: through the",
                "admin scripts, every gateway hears each entry. Without it (flushed): the data, then the",
                "export's generation."})
    static final class Import extends Action {
        @Option(names = "--in", required = true, paramLabel = "FILE", description = "the export to re-apply")
        Path file;

        Import(Map<String, String> env) {
            super(env);
        }

        @Override
        void run(StoreAdmin admin, PrintWriter out) throws Exception {
            reseed(admin, Files.newInputStream(file), out, "imported", "");
        }
    }

    @Command(name = "restore", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = {"Re-seed a flushed store from a surviving gateway's mirror",
                "(GET /admin/v1/revocations/export), as import does with a file."})
    static final class Restore extends Action {
        @Option(names = "--from", required = true, paramLabel = "URL", description = "the gateway, e.g. http://gw-3:8080")
        String from;

        @Option(names = "--token", paramLabel = "TOKEN", converter = Converters.NonBlank.class,
                description = "the gateway's admin token (default: $HC_ADMIN_TOKEN)")
        String token;

        Restore(Map<String, String> env) {
            super(env);
        }

        @Override
        void run(StoreAdmin admin, PrintWriter out) throws Exception {
            String t = token != null ? token : env.get("HC_ADMIN_TOKEN");
            if (t == null || t.isBlank()) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "Missing --token (or HC_ADMIN_TOKEN): the gateway's admin token");
            }
            reseed(admin, new AdminClient(from, t).download("/admin/v1/revocations/export"), out, "restored",
                    " from " + from);
        }
    }

    /** Re-seeds the store from an export stream (closed here) and says what it did. */
    private static void reseed(StoreAdmin admin, InputStream export, PrintWriter out, String verb, String from)
            throws Exception {
        try (InputStream in = export) {
            StoreAdmin.Counts counts = admin.restore(in);
            out.println(verb + " " + counts.codes() + " code ids and " + counts.subjects() + " subjects" + from);
        }
    }

    @Command(name = "migrate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = {"Move subjects revoked before subjects were scoped by issuer into the scoped hash,",
                "as every issuer's (safe to repeat; run once every gateway is upgraded)."})
    static final class Migrate extends Action {
        Migrate(Map<String, String> env) {
            super(env);
        }

        @Override
        void run(StoreAdmin admin, PrintWriter out) {
            out.println("moved " + admin.migrate() + " subjects");
        }
    }
}
