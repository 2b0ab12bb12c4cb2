package dev.hcgateway.http;

import static dev.hcgateway.http.OverloadTest.awaitTrue;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.revocation.MirrorState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * While the revocation mirror is not fit to judge by (never loaded, or past its staleness bound), a revoked code
 * could pass: every judged route answers {@code 503 not_ready} with {@code Retry-After}, before reading the body,
 * and judges again as soon as the mirror serves.
 */
class NoJudgingWithoutAServingMirrorTest {

    private final ServerFixture fixture = new ServerFixture();
    private final SettableMirror mirror = new SettableMirror();

    @AfterEach
    void tearDown() throws Exception {
        fixture.close();
    }

    @Test
    void mirrorNotServing_judgedRoutesAnswer503NotReady_thenJudgeOnceItServes() throws Exception {
        mirror.state = new MirrorState("redis", MirrorState.Freshness.UNLOADED, null, false, 0, 0, false,
                "revocation mirror not loaded yet");
        fixture.revocations = mirror;
        int port = fixture.start(1);
        String body = "{\"code\":\"" + fixture.code("s-ready") + "\"}";
        try (RawHttp gate = new RawHttp(port)) {
            for (String route : new String[]{Routes.VERIFY, Routes.VERIFY_BATCH, Routes.VERIFY_DOCUMENT}) {
                assertThat(gate.post(route, route.equals(Routes.VERIFY_BATCH) ? "{\"codes\":[\"x\"]}" : body))
                        .startsWith("HTTP/1.1 503").containsIgnoringCase("retry-after: 1").contains("\"not_ready\"");
            }
            mirror.state = new MirrorState("redis", MirrorState.Freshness.LIVE, "redis", true, 0, 0, true, null);
            awaitTrue(() -> answeredOk(gate, body));
        }
    }

    private static boolean answeredOk(RawHttp gate, String body) {
        try {
            return gate.post(Routes.VERIFY, body).startsWith("HTTP/1.1 200");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
