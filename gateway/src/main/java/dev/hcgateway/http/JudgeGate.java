package dev.hcgateway.http;

import dev.hcgateway.revocation.RevocationStore;

/**
 * The edge's first step on every judged route: no code is judged while the revocation mirror is not serving
 * (not loaded yet, from Redis or disk, or past its staleness bound). The answer is {@code 503 not_ready} with
 * {@code Retry-After}, never a verdict: a gate retries or fails over to another gateway, whereas {@code manual}
 * would send every passenger to staff, and {@code pass} could open the gate to a revoked code.
 */
final class JudgeGate {

    static final ApiError NOT_READY = ApiError.unavailable("not_ready", "The gateway has no revocation set to"
            + " judge by yet (starting, or its copy is past its staleness bound); retry or use another gateway.", 1);

    private JudgeGate() {
    }

    /** Throws the {@code 503 not_ready} refusal unless the mirror is serving. */
    static void check(RevocationStore revocations) {
        if (!revocations.serving()) {
            throw NOT_READY.exception();
        }
    }
}
