package org.ruralinfo.web.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.ruralinfo.api.NewUser;
import org.ruralinfo.api.Role;
import org.ruralinfo.api.UserAccount;
import org.ruralinfo.api.Wire;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code POST/GET /api/v1/users}: admins create and list users; passwords are never returned.
 * {@code POST /api/v1/users/{username}/password}: a user changes its own password
 * ({@code {"current_password", "password"}}), an admin sets anyone's ({@code {"password"}}); every
 * session of that user ends.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({ "/api/v1/users", "/api/v1/users/*" })
public class UsersServlet extends ApiServlet {
    private static final long serialVersionUID = 1L;

    @Activate
    public UsersServlet(@Reference Sessions sessions) {
        super(sessions);
    }

    @Override
    void get(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        user(req, Role.ADMIN);
        List<Object> users = new ArrayList<>();
        for (UserAccount u : accounts().list()) {
            users.add(Documents.user(u));
        }
        send(resp, 200, Map.of("users", users));
    }

    @Override
    void post(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String info = req.getPathInfo();
        if (info != null && !info.equals("/")) {
            password(req, resp, info);
            return;
        }
        UserAccount admin = user(req, Role.ADMIN);
        JsonNode body = body(req, 16_384);
        String username = requiredText(body, "username", 64);
        String name = requiredText(body, "name", 200);
        String password = requiredText(body, "password", 1024);
        JsonNode rolesNode = body.get("roles");
        if (rolesNode == null || !rolesNode.isArray() || rolesNode.isEmpty()) {
            throw ApiException.badRequest("$.roles", "a non-empty array of roles is required");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (int i = 0; i < rolesNode.size(); i++) {
            Role r = rolesNode.get(i).isTextual() ? Wire.parse(Role.class, rolesNode.get(i).asText()) : null;
            if (r == null) {
                throw ApiException.badRequest("$.roles[" + i + "]", "unknown role " + rolesNode.get(i)
                        + " (officer, reviewer, signer, editor, admin)");
            }
            roles.add(r);
        }
        String unit = text(body, "unit").orElse(null);
        UserAccount created = accounts().create(new NewUser(username, name, password.toCharArray(), roles, unit),
                admin.username());
        resp.setHeader("Location", "/api/v1/users/" + created.username());
        send(resp, 201, Documents.user(created));
    }

    private void password(HttpServletRequest req, HttpServletResponse resp, String info) throws IOException {
        String[] parts = info.substring(1).split("/");
        if (parts.length != 2 || !parts[1].equals("password")) {
            throw ApiException.notFound("no such resource: " + req.getRequestURI());
        }
        UserAccount me = user(req);
        String target = parts[0];
        boolean self = me.username().equals(target);
        if (!self && !me.has(Role.ADMIN)) {
            throw ApiException.forbidden("only an admin changes another user's password");
        }
        if (!self && accounts().find(target).isEmpty()) {
            throw ApiException.notFound("no user \"" + target + "\"");
        }
        JsonNode body = body(req, 16_384);
        String password = requiredText(body, "password", 1024);
        char[] current = self ? requiredText(body, "current_password", 1024).toCharArray() : null;
        accounts().changePassword(target, current, password.toCharArray(), me.username(), !self);
        resp.setStatus(204);
    }
}
