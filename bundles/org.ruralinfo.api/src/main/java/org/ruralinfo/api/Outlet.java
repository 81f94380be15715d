package org.ruralinfo.api;

/** A publicity outlet, identified by name and channel, with its level. */
public record Outlet(String name, Channel channel, OutletLevel level) {
}
