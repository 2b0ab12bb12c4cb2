package dev.hcgateway.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.hcgateway.crypto.CryptoProvider;
import dev.hcgateway.config.ConfigLoader;
import dev.hcgateway.config.GatewayConfig;
import dev.hcgateway.http.Routes;
import dev.hcgateway.trust.TrustList;
import dev.hcgateway.trust.TrustListParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * config/k8s, read as Kubernetes would and cross-checked with the gateway: the ConfigMap's configuration
 * loads, the trust list parses, probes hit served routes, the grace period covers the drain, the pod
 * runs as the image's non-root user on a read-only root filesystem, and the shipped deployment carries every
 * guarantee the code can give (marker required, replicated acknowledgements, passages journalled on the pod's own
 * volume and shipped, state kept on it, the store initialised by a Job); every manifest passes the Kubernetes
 * schemas (.ci/k8s-validate, where installed: CI requires it).
 */
class KubernetesManifestsTest {

    private static final Path DIR = Path.of("..", "config", "k8s");
    private static final Map<String, JsonNode> BY_KIND = new HashMap<>();
    private static final List<JsonNode> CONFIG_MAPS = new ArrayList<>();

    @BeforeAll
    static void load() throws Exception {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        JsonNode kustomization = yaml.readTree(DIR.resolve("kustomization.yaml").toFile());
        for (JsonNode resource : kustomization.get("resources")) {
            try (MappingIterator<JsonNode> docs = yaml.readerFor(JsonNode.class)
                    .readValues(DIR.resolve(resource.asText()).toFile())) {
                for (JsonNode doc : docs.readAll()) {
                    assertThat(doc.path("apiVersion").asText()).as(resource.asText()).isNotEmpty();
                    if (doc.get("kind").asText().equals("ConfigMap")) {
                        CONFIG_MAPS.add(doc);
                    } else {
                        assertThat(BY_KIND.put(doc.get("kind").asText() + "/" + doc.at("/metadata/name").asText(),
                                doc)).isNull();
                    }
                }
            }
        }
    }

    private static JsonNode gateway() {
        return BY_KIND.get("StatefulSet/hc-gateway");
    }

    private static JsonNode pod() {
        return gateway().at("/spec/template/spec");
    }

    private static JsonNode container() {
        return pod().get("containers").get(0);
    }

    private static String env(String name) {
        return entry(container(), name).path("value").asText(null);
    }

    private static JsonNode entry(JsonNode container, String name) {
        for (JsonNode e : container.get("env")) {
            if (e.get("name").asText().equals(name)) {
                return e;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    /** Returns a variable's value as the kubelet makes it: $(NAME) of a variable above it expanded (secrets: "s3cret"). */
    private static String expanded(JsonNode container, String name) {
        String value = entry(container, name).path("value").asText();
        for (JsonNode e : container.get("env")) {
            String v = e.has("value") ? e.get("value").asText() : "s3cret";
            value = value.replace("$(" + e.get("name").asText() + ")", v);
        }
        return value;
    }

    private static String configMapData(String name, String key) {
        return CONFIG_MAPS.stream().filter(c -> c.at("/metadata/name").asText().equals(name)).findFirst()
                .orElseThrow().at("/data/" + key).asText();
    }

    private static String mountPath(String volume) {
        for (JsonNode m : container().get("volumeMounts")) {
            assertThat(m.has("subPath")).as("subPath mounts never see ConfigMap updates").isFalse();
            if (m.get("name").asText().equals(volume)) {
                return m.get("mountPath").asText();
            }
        }
        throw new AssertionError("no mount of " + volume);
    }

    private GatewayConfig config(Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("gateway.yaml"), configMapData("hc-gateway-config", "gateway.yaml"));
        Map<String, String> environment = new HashMap<>();
        for (JsonNode e : container().get("env")) {
            if (e.get("name").asText().startsWith("HC_") && e.has("value")) {
                environment.put(e.get("name").asText(), expanded(container(), e.get("name").asText()));
            }
        }
        environment.put("HC_CONFIG", file.toString());
        List<String> warnings = new ArrayList<>();
        GatewayConfig config = new ConfigLoader().load(environment, warnings);
        assertThat(warnings).isEmpty();
        return config;
    }

    @Test
    void configMaps_loadAsTheGatewayWouldReadThem(@TempDir Path dir) throws Exception {
        GatewayConfig config = config(dir);
        assertThat(env("HC_CONFIG")).startsWith(mountPath("config") + "/");
        assertThat(env("HC_TRUST_FILE")).isEqualTo(mountPath("trust") + "/trust.json");
        assertThat(config.http().instances()).as("one event loop per CPU of the limit")
                .isEqualTo(Integer.parseInt(container().at("/resources/limits/cpu").asText()));
    }

    @Test
    void trustList_isTheOperatorsConfigMap_neverTheShippedDemoList() throws Exception {
        assertThat(pod().findValuesAsText("name")).contains("hc-gateway-trust");
        assertThat(CONFIG_MAPS).noneMatch(c -> c.at("/metadata/name").asText().equals("hc-gateway-trust"));
        TrustList demo = new TrustListParser(CryptoProvider.jdk("test").ecKeyFactory()).parse(
                Files.readAllBytes(Path.of("..", "config", "demo", "trust.json")), "demo");
        try (var files = Files.walk(DIR)) {
            for (Path manifest : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(manifest);
                assertThat(text).as(manifest + " carries a demo key").doesNotContain("-70Ja032BjY", "8WF-qJnsMww");
            }
        }
        for (String kid : new String[] {"-70Ja032BjY", "8WF-qJnsMww"}) {
            assertThat(demo.find(java.util.Base64.getUrlDecoder().decode(kid))).as("demo kid " + kid).isNotNull();
        }
    }

    @Test
    void terminationGrace_coversPreStopDrainAndMargin(@TempDir Path dir) throws Exception {
        GatewayConfig config = config(dir);
        JsonNode preStop = container().at("/lifecycle/preStop/exec/command");
        assertThat(preStop.get(0).asText()).isEqualTo("sleep");
        long preStopMs = Long.parseLong(preStop.get(1).asText()) * 1000;
        long graceMs = pod().get("terminationGracePeriodSeconds").asLong() * 1000;
        // Main waits drainGraceMs + shutdownGraceMs + 5 s for Vert.x to close.
        assertThat(graceMs).isGreaterThan(preStopMs + config.http().drainGraceMs() + config.http().shutdownGraceMs()
                + 5000);
    }

    @Test
    void probes_hitServedHealthRoutesOnTheServedPort(@TempDir Path dir) throws Exception {
        GatewayConfig config = config(dir);
        JsonNode port = container().get("ports").get(0);
        assertThat(port.get("name").asText()).isEqualTo("http");
        assertThat(port.get("containerPort").asInt()).isEqualTo(config.http().port());
        assertThat(container().at("/readinessProbe/httpGet/path").asText()).isEqualTo(Routes.READY);
        assertThat(container().at("/livenessProbe/httpGet/path").asText()).isEqualTo(Routes.LIVE);
        assertThat(container().at("/startupProbe/httpGet/path").asText()).startsWith("/health/");
        for (String probe : new String[]{"readinessProbe", "livenessProbe", "startupProbe"}) {
            assertThat(container().at("/" + probe + "/httpGet/port").asText()).isEqualTo("http");
        }
        assertThat(container().at("/readinessProbe/successThreshold").asInt()).isGreaterThan(1);
    }

    @Test
    void pod_runsAsTheImageUserOnAReadOnlyRootWithNoPrivileges() throws Exception {
        String imageUser = DockerfileTest.runStage().stream().filter(i -> i.keyword().equals("USER")).findFirst()
                .orElseThrow().args().split(":")[0];
        JsonNode podSecurity = pod().get("securityContext");
        assertThat(podSecurity.get("runAsNonRoot").asBoolean()).isTrue();
        assertThat(podSecurity.get("runAsUser").asText()).isEqualTo(imageUser);
        JsonNode security = container().get("securityContext");
        assertThat(security.get("readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(security.get("allowPrivilegeEscalation").asBoolean()).isFalse();
        assertThat(security.at("/capabilities/drop/0").asText()).isEqualTo("ALL");
        assertThat(mountPath("tmp")).isEqualTo("/tmp");
        assertThat(pod().get("automountServiceAccountToken").asBoolean()).isFalse();
    }

    @Test
    void resources_areBoundedWithGuaranteedQos() {
        JsonNode resources = container().get("resources");
        for (String r : new String[]{"cpu", "memory"}) {
            assertThat(resources.at("/limits/" + r).asText()).as(r).isNotEmpty()
                    .isEqualTo(resources.at("/requests/" + r).asText());
        }
    }

    @Test
    void serviceHpaAndBudget_pointAtTheGatewaysPods() {
        JsonNode labels = gateway().at("/spec/template/metadata/labels");
        JsonNode service = BY_KIND.get("Service/hc-gateway");
        service.at("/spec/selector").fields().forEachRemaining(e ->
                assertThat(labels.get(e.getKey()).asText()).isEqualTo(e.getValue().asText()));
        assertThat(service.at("/spec/ports/0/targetPort").asText()).isEqualTo("http");
        JsonNode budget = BY_KIND.get("PodDisruptionBudget/hc-gateway");
        budget.at("/spec/selector/matchLabels").fields().forEachRemaining(e ->
                assertThat(labels.get(e.getKey()).asText()).isEqualTo(e.getValue().asText()));
        JsonNode hpa = BY_KIND.get("HorizontalPodAutoscaler/hc-gateway");
        assertThat(hpa.at("/spec/scaleTargetRef/kind").asText()).isEqualTo("StatefulSet");
        assertThat(hpa.at("/spec/scaleTargetRef/name").asText()).isEqualTo(gateway().at("/metadata/name").asText());
        assertThat(hpa.at("/spec/minReplicas").asInt()).isGreaterThan(budget.at("/spec/maxUnavailable").asInt());
        JsonNode pods = BY_KIND.get("Service/" + gateway().at("/spec/serviceName").asText());
        assertThat(pods.at("/spec/clusterIP").asText()).as("the governing Service is headless").isEqualTo("None");
    }

    @Test
    void shippedDeployment_carriesTheGuarantees(@TempDir Path dir) throws Exception {
        GatewayConfig config = config(dir);
        assertThat(config.redis().requireMarker()).as("an empty Redis is never nothing revoked").isTrue();
        assertThat(config.redis().replicaAcks()).as("acknowledged means on a replica").isGreaterThanOrEqualTo(1);
        assertThat(config.redis().uri()).startsWith("redis-sentinel://");
        for (String secret : new String[]{"HC_PASSAGES_URL", "HC_TRACER_TOKEN", "HC_PASSBACK_SIGHTING_KEY",
            "HC_REDIS_PASSWORD"}) {
            JsonNode ref = entry(container(), secret).at("/valueFrom/secretKeyRef");
            assertThat(ref.path("name").asText()).as(secret + " from a Secret").isNotEmpty();
            assertThat(ref.path("optional").asBoolean(false)).as(secret + " is required").isFalse();
        }
        String volume = mountPath("data");
        assertThat(config.passages().journal()).as("passages are recorded on the pod's volume").startsWith(volume + "/");
        assertThat(config.state().dir()).as("the mirror survives restarts on it").startsWith(volume + "/");
        JsonNode claim = gateway().at("/spec/volumeClaimTemplates/0");
        assertThat(claim.at("/metadata/name").asText()).isEqualTo("data");
        long claimBytes = Long.parseLong(claim.at("/spec/resources/requests/storage").asText().replace("Gi", ""))
                << 30;
        assertThat(config.passages().journalMaxBytes()).as("the journal's bound fits its volume, with room for state")
                .isLessThan(claimBytes - (1L << 30));
        assertThat(gateway().at("/spec/persistentVolumeClaimRetentionPolicy/whenScaled").asText())
                .as("unshipped passages outlive a scale-down").isEqualTo("Retain");
    }

    @Test
    void storeInitJob_initialisesTheStoreTheGatewaysRead() {
        JsonNode job = BY_KIND.get("Job/hc-store-init").at("/spec/template/spec/containers/0");
        assertThat(job.get("args").toString()).isEqualTo("[\"store\",\"init\"]");
        assertThat(job.get("image").asText()).isEqualTo(container().get("image").asText());
        assertThat(expanded(job, "HC_REDIS_URI")).isEqualTo(expanded(container(), "HC_REDIS_URI"));
        assertThat(entry(job, "HC_CONFIG").get("value").asText()).isEqualTo(env("HC_CONFIG"));
    }

    @Test
    void everyManifest_passesTheKubernetesSchemas() throws Exception {
        Path validator = Path.of("..", ".ci", "k8s-validate");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(validator.resolve("node_modules")),
                "manifest validator not installed (.ci/checkers.sh installs it; CI requires it)");
        List<String> command = new ArrayList<>(List.of("node", validator.resolve("validate.mjs").toString()));
        try (var files = Files.walk(DIR)) {
            // Every manifest; Helm values (backing/helm) are no manifests.
            files.filter(f -> f.toString().endsWith(".yaml") && !f.toString().contains("helm"))
                    .forEach(f -> command.add(f.toString()));
        }
        assertThat(run(command)).endsWith("0 failed");
    }

    @Test
    void schemaValidator_refusesABrokenManifest(@TempDir Path dir) throws Exception {
        Path validator = Path.of("..", ".ci", "k8s-validate");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(validator.resolve("node_modules")),
                "manifest validator not installed (.ci/checkers.sh installs it; CI requires it)");
        String broken = Files.readString(DIR.resolve("statefulset.yaml")).replace("replicas: 3", "replicas: three");
        Path file = Files.writeString(dir.resolve("broken.yaml"), broken);
        Process process = new ProcessBuilder("node", validator.resolve("validate.mjs").toString(), file.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(output).isEqualTo(1);
        assertThat(output).contains("FAIL").contains("/spec/replicas");
    }

    private static String run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes()).strip();
        assertThat(process.waitFor()).as(output).isZero();
        return output;
    }
}
