package dev.hcgateway.passback;

/**
 * Where this gateway's passes go besides its own sightings map: to the fleet over Redis
 * ({@link FleetSightings}), or nowhere ({@link #LOCAL}). {@link #passed} is on the scan path: it must only queue.
 */
public interface SightingShare {

    /** Shares nothing: detection is per gateway. */
    SightingShare LOCAL = new SightingShare() {
        @Override
        public void passed(PersonKey person, String place, long at) {
        }

        @Override
        public String mode() {
            return "local";
        }
    };

    /** Queues a pass for the other gateways; never blocks, never fails the scan. */
    void passed(PersonKey person, String place, long at);

    /** Returns {@code fleet} while sightings are shared over Redis, else {@code local} (for /health/ready). */
    String mode();
}
