package dev.hcgateway.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hcgateway.config.ConfigLoader;
import dev.hcgateway.http.Routes;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The image cannot be built here (no Docker engine), so the Dockerfile is checked statically: its syntax by
 * dockerfile-utils where installed (.ci/run installs it from npm; hadolint is in no registry we reach), and
 * the essentials by reading its instructions.
 */
class DockerfileTest {

    static final Path DOCKERFILE = Path.of("..", "Dockerfile");

    /** One instruction, continuation lines joined, comments dropped. */
    record Instruction(String keyword, String args) {
    }

    static List<Instruction> instructions() throws Exception {
        List<Instruction> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : Files.readAllLines(DOCKERFILE)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.isEmpty())) {
                continue;
            }
            boolean continues = trimmed.endsWith("\\");
            current.append(continues ? trimmed.substring(0, trimmed.length() - 1) : trimmed).append(' ');
            if (!continues) {
                String text = current.toString().strip();
                int space = text.indexOf(' ');
                out.add(new Instruction(text.substring(0, space).toUpperCase(), text.substring(space + 1).strip()));
                current.setLength(0);
            }
        }
        return out;
    }

    /** Returns the instructions of the last stage (the image that runs). */
    static List<Instruction> runStage() throws Exception {
        List<Instruction> all = instructions();
        int from = 0;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).keyword().equals("FROM")) {
                from = i;
            }
        }
        return all.subList(from, all.size());
    }

    private static List<String> args(List<Instruction> list, String keyword) {
        return list.stream().filter(i -> i.keyword().equals(keyword)).map(Instruction::args).toList();
    }

    /**
     * A base image as every runtime resolves it (registry and namespace spelt out: podman has no default) and
     * as a rebuild gets it again (a version tag, not a floating one, and the digest).
     */
    private static final String PINNED =
            "docker\\.io/library/eclipse-temurin:17\\.0\\.[0-9]+_[0-9]+-KIND-[a-z]+@sha256:[0-9a-f]{64}";

    @Test
    void build_isMultiStageWithTheWrapperOnATemurinJdk() throws Exception {
        List<Instruction> all = instructions();
        List<String> froms = args(all, "FROM");
        assertThat(froms).hasSize(2);
        assertThat(froms.get(0)).matches(PINNED.replace("KIND", "jdk") + " AS build");
        assertThat(args(all, "RUN").get(0)).contains("./mvnw").contains("-pl gateway").contains("package");
        assertThat(args(all, "ADD")).as("COPY only: ADD fetches URLs and unpacks archives").isEmpty();
    }

    @Test
    void runStage_isATemurinJreAsANumericNonRootUser() throws Exception {
        List<Instruction> run = runStage();
        assertThat(run.get(0).args()).matches(PINNED.replace("KIND", "jre"));
        // Both stages on the same Temurin release.
        assertThat(run.get(0).args().replaceAll("@.*", "").replace("jre", "jdk"))
                .isEqualTo(args(instructions(), "FROM").get(0).replaceAll("@.*", ""));
        assertThat(args(run, "COPY")).allMatch(c -> c.contains("--from=build")).hasSize(1);
        List<String> users = args(run, "USER");
        assertThat(users).hasSize(1);
        assertThat(users.get(0)).matches("[1-9][0-9]*:[1-9][0-9]*");
        // USER comes after everything that needs root.
        assertThat(run.get(run.size() - 1).keyword()).isNotEqualTo("RUN");
        assertThat(run.subList(run.indexOf(run.stream().filter(i -> i.keyword().equals("USER")).findFirst()
                .orElseThrow()), run.size())).noneMatch(i -> i.keyword().equals("RUN"));
    }

    @Test
    void runStage_hasContainerAwareMemoryAndExecEntrypoint() throws Exception {
        List<Instruction> run = runStage();
        String env = String.join(" ", args(run, "ENV"));
        assertThat(env).contains("-XX:MaxRAMPercentage=").contains("-XX:+ExitOnOutOfMemoryError");
        assertThat(env).doesNotContain("-Xmx");
        JsonNode entrypoint = new ObjectMapper().readTree(args(run, "ENTRYPOINT").get(0));
        assertThat(entrypoint.isArray()).as("exec form: the JVM must get SIGTERM").isTrue();
        assertThat(entrypoint.get(2).asText()).startsWith("exec java $JAVA_OPTS $ACCP_OPTS -jar /app/gateway.jar");
        assertThat(env).contains("-Dcom.amazon.corretto.crypto.provider.useExternalLib=true")
                .contains("-Djava.library.path=/app");
        assertThat(new ObjectMapper().readTree(args(run, "CMD").get(0)).get(0).asText()).isEqualTo("serve");
    }

    @Test
    void runStage_exposesTheDefaultPortAndChecksLiveness() throws Exception {
        List<Instruction> run = runStage();
        int port = new ConfigLoader().load(Map.of(), new ArrayList<>()).http().port();
        assertThat(args(run, "EXPOSE")).containsExactly(String.valueOf(port));
        List<String> health = args(run, "HEALTHCHECK");
        assertThat(health).hasSize(1);
        assertThat(health.get(0)).contains("CMD curl -fsS").contains(Routes.LIVE).contains("${HC_HTTP_PORT:-8080}");
        assertThat(args(run, "RUN").get(0)).contains("command -v curl");
    }

    @Test
    void dockerignore_keepsBuildOutputAndPrivateKeysOut() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("..", ".dockerignore"));
        assertThat(lines).contains("**/target/", ".git/", "config/demo/*.key");
    }

    @Test
    void dockerfile_passesDockerfileUtilsLint() throws Exception {
        assumeTrue(onPath("dockerfile-utils"), "dockerfile-utils not installed (.ci/run installs it from npm)");
        Process lint = new ProcessBuilder("dockerfile-utils", "lint", DOCKERFILE.toString())
                .redirectErrorStream(true).start();
        String output = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(lint.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(lint.exitValue()).as(output).isZero();
    }

    static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
