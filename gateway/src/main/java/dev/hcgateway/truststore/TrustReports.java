package dev.hcgateway.truststore;

import dev.hcgateway.trust.TrustAnchor;
import dev.hcgateway.trust.TrustList;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the trust store tells operators: the log lines, the reload counters ({@code hc_trust_reloads_total{outcome}},
 * {@code hc_trust_reload_rejected_total{cause}}) and the last reload refused while the last good list stayed, which
 * readiness reports. Paths only: a trust file holds no personal data, and no message quotes its content.
 */
final class TrustReports {

    private static final Logger LOG = LoggerFactory.getLogger(TrustStore.class);

    private final Counter loaded;
    private final Counter refused;
    private final Map<TrustAnchor.Cause, Counter> rejectedBy = new EnumMap<>(TrustAnchor.Cause.class);
    private volatile TrustStore.RejectedReload rejected;

    TrustReports(MeterRegistry registry) {
        this.loaded = Counter.builder("hc_trust_reloads").tag("outcome", "loaded")
                .description("Trust list (re)loads by outcome").register(registry);
        this.refused = Counter.builder("hc_trust_reloads").tag("outcome", "refused")
                .description("Trust list (re)loads by outcome").register(registry);
        for (TrustAnchor.Cause cause : TrustAnchor.Cause.values()) {
            rejectedBy.put(cause, Counter.builder("hc_trust_reload_rejected").tag("cause", cause.wire())
                    .description("Trust list reloads refused for want of the trust anchor's signature; the last "
                            + "good list stays in force").register(registry));
        }
    }

    /** Returns the last reload refused, or null since the newest files are in force. */
    TrustStore.RejectedReload rejected() {
        return rejected;
    }

    /** Says at start whether lists must be signed, and by which anchor. */
    void anchor(String file, String anchorFile, String signatureFile) {
        if (anchorFile == null) {
            LOG.warn("no trust anchor (trust.anchorKey, HC_TRUST_ANCHOR): trust list signatures are not required; "
                    + "whoever can write {} decides whose codes pass", file);
            return;
        }
        LOG.info("trust anchor {}: the trust list must carry its signature in {}", anchorFile, signatureFile);
    }

    /** Records a list put in force. */
    void loaded(TrustList list, boolean signed) {
        rejected = null;
        loaded.increment();
        LOG.info("trust list loaded from {}{}: {} keys of {} issuers, {} DCC signer kids", list.source(),
                signed ? " (signed by the trust anchor)" : "", list.size(), list.issuers(), list.dscs().size());
    }

    /** Records that the files on disk are those in force again (a refused edit undone). */
    void settled() {
        rejected = null;
    }

    /** Records a reload refused for want of the anchor's signature; the last good list stays. */
    void unsigned(TrustAnchor.Cause cause, String why) {
        rejectedBy.get(cause).increment();
        refused(new TrustStore.RejectedReload(cause.wire(), why + "; keeping the last good list"));
    }

    /** Records a reload refused for another fault ({@code invalid}, {@code unreadable}); the list in force stays. */
    void refused(String cause, String why) {
        refused(new TrustStore.RejectedReload(cause, why + "; keeping the list in force"));
    }

    private void refused(TrustStore.RejectedReload now) {
        TrustStore.RejectedReload before = rejected;
        if (before == null || !before.reason().equals(now.reason())) {
            // Once per fault, not once per poll: an unreadable file would otherwise log every two seconds.
            LOG.error("trust list refused: {}", now.reason());
            refused.increment();
        }
        rejected = now;
    }
}
