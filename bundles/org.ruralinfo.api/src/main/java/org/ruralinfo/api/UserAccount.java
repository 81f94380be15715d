package org.ruralinfo.api;

import java.util.Set;

/**
 * A user as the API shows it (never with a password).
 *
 * @param unit the user's unit, or null for the prefecture bureau's own staff (editors, admins)
 */
public record UserAccount(String username, String name, Set<Role> roles, String unit) {
    /**
     * The request attribute in which the product's servlet context leaves the logged-in user of an {@code /api/}
     * request, for any bundle's servlet.
     */
    public static final String REQUEST_ATTRIBUTE = "org.ruralinfo.user";

    public UserAccount {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** @return whether the user works for the prefecture bureau and so sees every unit */
    public boolean prefectureWide() {
        return roles.contains(Role.EDITOR) || roles.contains(Role.ADMIN);
    }
}
