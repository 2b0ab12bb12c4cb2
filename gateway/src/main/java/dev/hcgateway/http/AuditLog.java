package dev.hcgateway.http;

import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the audit trail of the admin API on the logger {@code audit}, so operators can route or keep it apart:
 * every stored change and every refused (401) call. Lines carry the route and the answer sent, which by
 * construction holds no subject, code text or token (a code id, an instant, a count at most).
 */
final class AuditLog {

    private static final Logger AUDIT = LoggerFactory.getLogger("audit");

    private AuditLog() {
    }

    /** Records an admin change and its outcome: the answer sent when stored, else that nothing changed. */
    static void change(String route, boolean stored, JsonObject answer) {
        if (stored) {
            AUDIT.info("admin change stored: {} {}", route, answer.encode());
        } else {
            AUDIT.warn("admin change not stored (store unavailable): {}", route);
        }
    }

    /** Records a read of the whole revocation set (it holds subjects): who asked is the balancer's log's to say. */
    static void exported(String route, boolean whole) {
        if (whole) {
            AUDIT.info("revocation set exported: {}", route);
        } else {
            AUDIT.warn("revocation set export cut short: {}", route);
        }
    }

    /** Records an admin call refused for want of a valid token. */
    static void refused(String route) {
        AUDIT.warn("admin call refused (401, no valid bearer token): {}", Routes.ALL.contains(route) ? route : "other");
    }
}
