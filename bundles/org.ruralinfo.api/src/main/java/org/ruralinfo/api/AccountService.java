package org.ruralinfo.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** Users, passwords (hashed) and sessions (tokens stored hashed). */
@ProviderType
public interface AccountService {
    /** @return a new session, or empty when the user or password is wrong (or the login is throttled) */
    Optional<Login> login(String username, char[] password, String remoteAddress);

    /** @return the user of a live session token */
    Optional<UserAccount> authenticate(String token);

    /** Ends the session of {@code token}; unknown tokens are ignored. */
    void logout(String token);

    /**
     * @throws ValidationException naming the field when the user cannot be created (taken name, weak password,
     *                             unknown unit)
     */
    UserAccount create(NewUser user, String actor);

    List<UserAccount> list();

    /**
     * Changes a password: a user changes its own by giving the current one; an admin ({@code byAdmin})
     * sets another's without it. Every session of the user ends.
     *
     * @throws ValidationException naming {@code $.password} (weak) or {@code $.current_password} (wrong)
     * @since 1.1
     */
    void changePassword(String username, char[] current, char[] password, String actor, boolean byAdmin);

    Optional<UserAccount> find(String username);
}
