package dev.hcgateway.model;

import java.util.Objects;

/** A place gates belong to (a station, a venue): what tracers ask about. */
public record Place(String id, String name) {

    public Place {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
