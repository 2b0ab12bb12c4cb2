package dev.hcgateway.config;

/**
 * The gateway's own state on local disk: the revocation mirror (so that a gateway restarted while Redis is away
 * judges from it) and the remembered store-red subjects (so that a restart during a double outage forgets no red).
 *
 * @param dir                  the directory ({@code HC_STATE_DIR}), relative to the working directory unless
 *                             absolute; null: nothing is kept on disk
 * @param writeIntervalSeconds how often what changed is written (atomically: beside, then renamed)
 */
public record StateConfig(String dir, int writeIntervalSeconds) {

    static StateConfig from(ConfigNode n) {
        return new StateConfig(n.optionalString("dir"), n.integer("writeIntervalSeconds", 1, 3600));
    }
}
