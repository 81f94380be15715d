package org.ruralinfo.api;

/** A special group (专项组) and its lead unit (牵头单位), a member unit. */
public record Group(String id, String name, String lead) {
}
