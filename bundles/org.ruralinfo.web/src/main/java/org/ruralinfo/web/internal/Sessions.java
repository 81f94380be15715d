package org.ruralinfo.web.internal;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.ruralinfo.api.AccountService;
import org.ruralinfo.api.UserAccount;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Who is calling. API clients send {@code Authorization: Bearer <token>}; the console holds the same
 * token in an HttpOnly, SameSite=Strict cookie, and then every request that changes something must
 * also carry the {@code X-CSRF-Token} header equal to the readable {@code ri_csrf} cookie
 * (double-submit), which a page of another site can neither read nor set.
 */
@Component(service = Sessions.class)
public class Sessions {
    static final String SESSION_COOKIE = "ri_session";
    static final String CSRF_COOKIE = "ri_csrf";
    static final String CSRF_HEADER = "X-CSRF-Token";

    private final AccountService accounts;

    @Activate
    public Sessions(@Reference AccountService accounts) {
        this.accounts = accounts;
    }

    AccountService accounts() {
        return accounts;
    }

    /** @return the token the request carries (header first, then cookie), if any */
    Optional<String> token(HttpServletRequest req) {
        String auth = req.getHeader("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.of(auth.substring(7).strip());
        }
        return cookie(req, SESSION_COOKIE);
    }

    /** @return the user of the request; a cookie session without a matching CSRF header on a change has none */
    Optional<UserAccount> user(HttpServletRequest req) {
        String auth = req.getHeader("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return accounts.authenticate(auth.substring(7).strip());
        }
        Optional<String> cookie = cookie(req, SESSION_COOKIE);
        if (cookie.isEmpty()) {
            return Optional.empty();
        }
        if (!safe(req.getMethod()) && !csrfOk(req)) {
            throw ApiException.forbidden("missing or wrong " + CSRF_HEADER + " header");
        }
        return accounts.authenticate(cookie.get());
    }

    private static boolean safe(String method) {
        return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
    }

    private static boolean csrfOk(HttpServletRequest req) {
        String header = req.getHeader(CSRF_HEADER);
        Optional<String> cookie = cookie(req, CSRF_COOKIE);
        return header != null && cookie.isPresent() && !header.isEmpty() && MessageDigest.isEqual(
                header.getBytes(StandardCharsets.UTF_8), cookie.get().getBytes(StandardCharsets.UTF_8));
    }

    static Optional<String> cookie(HttpServletRequest req, String name) {
        Cookie[] cookies = req.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie c : cookies) {
            if (name.equals(c.getName()) && c.getValue() != null && !c.getValue().isEmpty()) {
                return Optional.of(c.getValue());
            }
        }
        return Optional.empty();
    }
}
