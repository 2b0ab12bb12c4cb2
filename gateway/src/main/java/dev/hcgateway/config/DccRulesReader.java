package dev.hcgateway.config;

import dev.hcgateway.model.CertificateType;
import dev.hcgateway.model.Decision;
import dev.hcgateway.model.DccRules;
import java.util.EnumSet;
import java.util.Set;

/** Reads a scene's optional {@code dcc} block; no block means the scene accepts no DCC. */
final class DccRulesReader {

    private DccRulesReader() {
    }

    static DccRules read(ConfigNode scene) {
        if (!scene.keys().contains("dcc")) {
            return null;
        }
        ConfigNode n = scene.child("dcc");
        Set<CertificateType> accept = EnumSet.noneOf(CertificateType.class);
        for (String name : n.strings("accept")) {
            CertificateType t = CertificateType.ofWire(name);
            if (t == null) {
                throw n.fail("accept", "\"" + name + "\" is not one of vaccination, test, recovery");
            }
            accept.add(t);
        }
        String actionName = n.string("failAction");
        Decision action = Decision.ofWire(actionName);
        if (action == null || action == Decision.PASS) {
            throw n.fail("failAction", "must be manual or deny, got \"" + actionName + "\"");
        }
        return new DccRules(accept, n.integer("vaccinationMinDays", 0, 3650), n.integer("testMaxAgeHours", 0, 8760),
                n.bool("recoveryWithinValidity"), action);
    }
}
