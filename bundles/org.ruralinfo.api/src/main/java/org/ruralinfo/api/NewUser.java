package org.ruralinfo.api;

import java.util.Set;

/** What an admin gives to create a user. */
public record NewUser(String username, String name, char[] password, Set<Role> roles, String unit) {
    public NewUser {
        roles = Set.copyOf(roles);
    }
}
