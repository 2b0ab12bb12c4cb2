package dev.hcgateway.http;

import static dev.hcgateway.http.OverloadTest.awaitTrue;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import dev.hcgateway.metrics.SharedGaugeWarnings;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** What Prometheus scrapes from {@code GET /metrics} of a server with two event loops, after real traffic. */
class MetricsScrapeTest {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})? (\\S+)$");
    private final ServerFixture fixture = new ServerFixture();
    private final Vertx clientVertx = Vertx.vertx();
    private WebClient client;
    private String scrape;

    @BeforeEach
    void setUp() throws Exception {
        int port = fixture.start(2);
        client = WebClient.create(clientVertx, new WebClientOptions().setDefaultPort(port).setDefaultHost("127.0.0.1"));
        post(new JsonObject().put("code", fixture.code("s-metrics-1")));
        post(new JsonObject().put("code", "HCN1:garbage"));
        post(new JsonObject().put("code", "HCN1:garbage").put("scene", "airport"));
        post(new JsonObject().put("nocode", 1));
        for (int i = 0; i < 50; i++) {
            client.get("/probe/" + UUID.randomUUID()).send().await(5, TimeUnit.SECONDS);
        }
        client.get(Routes.READY).send().await(5, TimeUnit.SECONDS);
        // The event-loop probe fires every 100 ms on each loop.
        awaitTrue(() -> fixture.registry.find("hc_event_loop_lag").timer() != null
                && fixture.registry.find("hc_event_loop_lag").timer().count() >= 2);
        HttpResponse<Buffer> response = client.get(Routes.METRICS).send().await(5, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.getHeader("Content-Type")).startsWith("text/plain; version=0.0.4");
        scrape = response.bodyAsString();
    }

    private void post(JsonObject body) throws Exception {
        client.post(Routes.VERIFY).sendJsonObject(body).await(5, TimeUnit.SECONDS);
    }

    @AfterEach
    void tearDown() throws Exception {
        clientVertx.close().await(5, TimeUnit.SECONDS);
        fixture.close();
    }

    private List<String> samples(String name) {
        List<String> out = new ArrayList<>();
        for (String line : scrape.split("\n")) {
            Matcher m = SAMPLE.matcher(line);
            if (m.matches() && m.group(1).equals(name)) {
                out.add(line);
            }
        }
        return out;
    }

    @Test
    void scrape_everySample_isNamedHcInBaseUnits() {
        Set<String> names = new TreeSet<>();
        for (String line : scrape.split("\n")) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher m = SAMPLE.matcher(line);
            assertThat(m.matches()).as(line).isTrue();
            names.add(m.group(1));
        }
        assertThat(names).isNotEmpty().allSatisfy(n -> assertThat(n).startsWith("hc_"));
        assertThat(names).noneMatch(n -> n.matches(".*_(ms|ns|millis|milliseconds|nanoseconds)(_total)?"));
        assertThat(names).contains("hc_process_cpu_seconds_total");
    }

    @Test
    void verifyLatency_isAHistogramWithSloBucketsByDecision() {
        assertThat(scrape).contains("# TYPE hc_verify_duration_seconds histogram");
        for (String decision : new String[]{"pass", "deny"}) {
            for (String le : new String[]{"0.001", "0.002", "0.005", "0.01", "0.05"}) {
                assertThat(samples("hc_verify_duration_seconds_bucket")).as(decision + " le " + le)
                        .anyMatch(s -> s.contains("decision=\"" + decision + "\"") && s.contains("le=\"" + le + "\""));
            }
        }
    }

    @Test
    void scrape_followsPrometheusConventions_unitsHistogramsStableLabels() throws Exception {
        // The GC pause meter exists once a collection has happened in this JVM: make one.
        System.gc();
        awaitTrue(() -> fixture.registry.scrape().contains("hc_jvm_gc_pause_seconds_count"));
        String scrape = fixture.registry.scrape();
        // Latencies as histograms (aggregatable across pods), never summaries.
        for (String line : scrape.split("\n")) {
            if (line.startsWith("# TYPE ") && line.endsWith(" summary")) {
                assertThat(line).as("a timer exposed as a summary").doesNotContain("_seconds");
            }
        }
        assertThat(scrape).contains("# TYPE hc_jvm_gc_pause_seconds histogram")
                .contains("# TYPE hc_vertx_pool_queue_time_seconds histogram");
        // Gauges carry their unit.
        assertThat(scrape).contains("\nhc_netty_allocator_memory_used_bytes{", "\nhc_jvm_memory_usage_after_gc_ratio{",
                "\nhc_vertx_pool_utilization_ratio{");
        assertThat(scrape).doesNotContain("hc_netty_allocator_memory_used{").doesNotContain("hc_vertx_pool_ratio")
                .doesNotContain("hc_jvm_memory_usage_after_gc{");
        // No label whose value is an object's identity (a new series after every restart).
        assertThat(scrape.lines().filter(l -> l.startsWith("hc_netty_"))).noneMatch(l -> l.contains("id=\""));
    }

    @Test
    void decisions_areCountedByReasonAndScene() {
        assertThat(samples("hc_verify_decisions_total"))
                .anyMatch(s -> s.contains("reason=\"ok\"") && s.contains("scene=\"metro\"") && s.endsWith(" 1.0"))
                .anyMatch(s -> s.contains("reason=\"malformed\"") && s.contains("scene=\"airport\""));
        assertThat(samples("hc_requests_refused_total")).anyMatch(s -> s.contains("error=\"missing_code\""));
    }

    @Test
    void httpServerMetrics_areLabelledByRouteNotByPath() {
        List<String> requests = samples("hc_http_requests_total");
        assertThat(requests).anyMatch(s -> s.contains("route=\"/v1/verify\"") && s.contains("code=\"200\""));
        // 50 distinct unknown paths: one series, no path in any label.
        assertThat(scrape).doesNotContain("/probe/");
        assertThat(requests).filteredOn(s -> s.contains("code=\"404\"")).hasSize(1);
        assertThat(requests.size()).isLessThan(10);
        assertThat(scrape).contains("# TYPE hc_http_request_duration_seconds histogram");
        assertThat(samples("hc_http_request_duration_seconds_bucket"))
                .anyMatch(s -> s.contains("route=\"/v1/verify\"") && s.contains("le=\"0.005\""));
    }

    @Test
    void runtimeMetrics_coverJvmEventLoopsAndPools() {
        for (String name : new String[]{"hc_jvm_memory_used_bytes", "hc_jvm_threads_live_threads",
                "hc_jvm_gc_memory_allocated_bytes_total", "hc_jvm_buffer_memory_used_bytes",
                "hc_netty_eventexecutor_tasks_pending", "hc_event_loop_lag_seconds_bucket",
                "hc_vertx_pool_in_use", "hc_http_requests_total", "hc_connections_at_address_cap_total",
                "hc_requests_in_flight", "hc_requests_in_flight_limit", "hc_requests_shed_total",
                "hc_connections_open", "hc_connections_limit", "hc_connections_refused_total"}) {
            assertThat(samples(name)).as(name).isNotEmpty();
        }
    }

    @Test
    void twoServerVerticles_sharedVertxGaugesAreNotWarnedAbout() {
        // Micrometer warns once per JVM, so which test saw it first is luck; assert the filter is installed
        // from logback.xml instead, and its decisions in SharedGaugeWarningsTest.
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        assertThat(context.getTurboFilterList()).anyMatch(f -> f instanceof SharedGaugeWarnings);
        // One family for every server verticle of the Vert.x: one series per route and code, not per server.
        assertThat(samples("hc_http_requests_total")).filteredOn(s -> s.contains("route=\"/v1/verify\"")
                && s.contains("code=\"200\"")).hasSize(1);
    }
}
