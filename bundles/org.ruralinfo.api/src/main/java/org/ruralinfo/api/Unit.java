package org.ruralinfo.api;

/** A reporting unit. */
public record Unit(String id, String name, UnitKind kind) {
}
