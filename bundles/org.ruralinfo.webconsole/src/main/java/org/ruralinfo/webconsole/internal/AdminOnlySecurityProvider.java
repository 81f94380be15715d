package org.ruralinfo.webconsole.internal;

import java.io.IOException;
import java.util.Optional;

import org.apache.felix.webconsole.spi.SecurityProvider;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.ruralinfo.api.AccountService;
import org.ruralinfo.api.Role;
import org.ruralinfo.api.UserAccount;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The Felix Web Console's only way in: the session of a product user with the {@code admin} role (the
 * staff console's HttpOnly, SameSite=Strict cookie, so another site cannot ride on it). Anyone else is
 * sent to the console's login page. The console's own admin/admin login is never used: its configuration
 * requires this provider ({@code security.providers=ruralinfo}).
 */
@Component(service = SecurityProvider.class, property = SecurityProvider.PROPERTY_ID + "=ruralinfo")
public class AdminOnlySecurityProvider implements SecurityProvider {
    static final String SESSION_COOKIE = "ri_session";

    private final AccountService accounts;

    @Activate
    public AdminOnlySecurityProvider(@Reference AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public Object authenticate(HttpServletRequest request, HttpServletResponse response) {
        Optional<UserAccount> user = session(request).flatMap(accounts::authenticate);
        if (user.isPresent() && user.get().has(Role.ADMIN)) {
            return user.get();
        }
        try {
            response.setStatus(user.isPresent() ? 403 : 401);
            response.setContentType("text/html;charset=UTF-8");
            response.getWriter().write("<!DOCTYPE html><html lang=\"zh-CN\"><meta charset=\"UTF-8\"><title>系统控制台</title>"
                    + "<p>系统控制台只对系统管理员开放。请先在<a href=\"/\">乡村振兴信息工作平台</a>以管理员身份登录。</p>"
                    + "<p>The system console is for administrators: log in to the staff console as an admin first.</p></html>");
        } catch (IOException e) {
            // the client went away
        }
        return null;
    }

    @Override
    public boolean authorize(Object user, String role) {
        return user instanceof UserAccount u && u.has(Role.ADMIN);
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response) {
        // The product session belongs to the staff console; logging out of the system console leaves it.
    }

    private static Optional<String> session(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie c : cookies) {
                if (SESSION_COOKIE.equals(c.getName()) && c.getValue() != null && !c.getValue().isEmpty()) {
                    return Optional.of(c.getValue());
                }
            }
        }
        return Optional.empty();
    }
}
