package org.ruralinfo.web.internal;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.ruralinfo.api.UserAccount;
import org.ruralinfo.commissioning.Commissioning;
import org.ruralinfo.commissioning.NewNotice;
import org.ruralinfo.commissioning.NoticeView;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Commissioning notices (Art. 9): {@code POST /api/v1/notices} (editor: title, requirements, deadline, units),
 * {@code GET /api/v1/notices} (a unit's inbox, or all for the prefecture), {@code GET /api/v1/notices/{id}}
 * with each addressed unit's status, and {@code PUT /api/v1/notices/{id}/units/{unit}/writer}
 * ({@code {"writer"}}). A notice not addressed to the caller's unit is 404.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({ "/api/v1/notices", "/api/v1/notices/*" })
public class NoticesServlet extends ApiServlet {
    private static final long serialVersionUID = 1L;
    private static final Set<String> FIELDS = Set.of("title", "requirements", "deadline", "units");

    private final transient Commissioning commissioning;

    @Activate
    public NoticesServlet(@Reference Sessions sessions, @Reference Commissioning commissioning) {
        super(sessions);
        this.commissioning = commissioning;
    }

    private static String[] path(HttpServletRequest req) {
        String p = req.getPathInfo();
        if (p == null || p.equals("/") || p.isEmpty()) {
            return new String[0];
        }
        String[] parts = p.substring(1).split("/", -1);
        for (int i = 0; i < parts.length; i++) {
            parts[i] = URLDecoder.decode(parts[i], StandardCharsets.UTF_8);
        }
        return parts;
    }

    @Override
    void get(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        UserAccount u = user(req);
        String[] p = path(req);
        if (p.length == 0) {
            send(resp, 200, Documents.ordered("notices", Supervising.call(() -> commissioning.list(u)).stream()
                    .map(n -> (Object) Supervising.notice(n)).toList()));
        } else if (p.length == 1) {
            send(resp, 200, Supervising.notice(Supervising.call(() -> commissioning.get(u, p[0]))));
        } else {
            throw ApiException.notFound("no such resource " + req.getRequestURI());
        }
    }

    @Override
    void post(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        UserAccount u = user(req);
        if (path(req).length != 0) {
            throw ApiException.notFound("POST a notice to /api/v1/notices");
        }
        JsonNode body = body(req, MAX_BODY);
        body.fieldNames().forEachRemaining(f -> {
            if (!FIELDS.contains(f)) {
                throw ApiException.badRequest("$." + f, "unknown field");
            }
        });
        NewNotice n = new NewNotice(requiredText(body, "title", 500), Supervising.optionalText(body, "requirements"),
                Supervising.instant(body, "deadline", true), Supervising.strings(body, "units", true));
        NoticeView v = Supervising.call(() -> commissioning.issue(u, n));
        resp.setHeader("Location", "/api/v1/notices/" + v.id());
        send(resp, 201, Supervising.notice(v));
    }

    @Override
    void put(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        UserAccount u = user(req);
        String[] p = path(req);
        if (p.length != 4 || !p[1].equals("units") || !p[3].equals("writer")) {
            throw ApiException.notFound("PUT /api/v1/notices/{id}/units/{unit}/writer");
        }
        JsonNode body = body(req, 16 * 1024);
        String writer = requiredText(body, "writer", 200);
        send(resp, 200, Supervising.notice(Supervising.call(() -> commissioning.nameWriter(u, p[0], p[2], writer))));
    }
}
