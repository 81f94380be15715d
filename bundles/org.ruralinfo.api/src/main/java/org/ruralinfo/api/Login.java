package org.ruralinfo.api;

import java.time.Instant;

/** A session opened by a login: the bearer token (shown once, stored only hashed) and its user. */
public record Login(String token, UserAccount user, Instant expiresAt) {
}
