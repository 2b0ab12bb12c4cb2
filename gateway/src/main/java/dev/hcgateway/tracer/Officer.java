package dev.hcgateway.tracer;

import java.util.Locale;
import java.util.Set;

/**
 * The officer behind a tracer request: the identity provider's subject ({@code sub}), the name shown on the console
 * and written to the audit, and the roles the token grants.
 */
record Officer(String id, String name, Set<Role> roles) {

    /** What an officer may do: query passages ({@code tracer}), read the audit ({@code supervisor}). */
    enum Role {
        TRACER, SUPERVISOR;

        /** Returns the role's name in tokens and answers. */
        String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The officer of {@code HC_TRACER_TOKEN}: one shared secret, so no person; it may query, not audit. */
    static final Officer SHARED = new Officer("shared-token", "Shared tracer token", Set.of(Role.TRACER));

    Officer {
        roles = Set.copyOf(roles);
    }

    /** Passes when the officer has the role, else throws the 403. */
    void require(Role role) {
        if (!roles.contains(role)) {
            throw Refusal.forbidden(role).exception();
        }
    }
}
