package org.ruralinfo.web.internal;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.ruralinfo.api.Login;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code POST /api/v1/session} logs in ({@code {"username", "password"}} → {@code {"token", "user"}}) and
 * also sets the console's HttpOnly session cookie with its CSRF cookie; {@code DELETE} logs out;
 * {@code GET} tells who is logged in.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/v1/session")
public class SessionServlet extends ApiServlet {
    private static final long serialVersionUID = 1L;
    private final transient SecureRandom random = new SecureRandom();

    @Activate
    public SessionServlet(@Reference Sessions sessions) {
        super(sessions);
    }

    @Override
    void post(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        JsonNode body = body(req, 16_384);
        String username = requiredText(body, "username", 64);
        String password = requiredText(body, "password", 1024);
        Optional<Login> login = accounts().login(username, password.toCharArray(), req.getRemoteAddr());
        if (login.isEmpty()) {
            throw new ApiException(401, "Unauthorized", "wrong user name or password");
        }
        Login l = login.get();
        long maxAge = Math.max(0, l.expiresAt().getEpochSecond() - java.time.Instant.now().getEpochSecond());
        byte[] csrf = new byte[24];
        random.nextBytes(csrf);
        String secure = req.isSecure() ? "; Secure" : "";
        resp.addHeader("Set-Cookie", Sessions.SESSION_COOKIE + "=" + l.token() + "; Path=/; Max-Age=" + maxAge
                + "; HttpOnly; SameSite=Strict" + secure);
        resp.addHeader("Set-Cookie", Sessions.CSRF_COOKIE + "="
                + Base64.getUrlEncoder().withoutPadding().encodeToString(csrf) + "; Path=/; Max-Age=" + maxAge
                + "; SameSite=Strict" + secure);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("token", l.token());
        out.put("user", Documents.user(l.user()));
        out.put("expires_at", l.expiresAt().toString());
        send(resp, 200, out);
    }

    @Override
    void get(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        send(resp, 200, Map.of("user", Documents.user(user(req))));
    }

    @Override
    void delete(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        user(req); // a cookie logout must carry the CSRF header too
        sessions.token(req).ifPresent(t -> accounts().logout(t));
        resp.addHeader("Set-Cookie", Sessions.SESSION_COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict");
        resp.addHeader("Set-Cookie", Sessions.CSRF_COOKIE + "=; Path=/; Max-Age=0; SameSite=Strict");
        resp.setStatus(204);
    }
}
