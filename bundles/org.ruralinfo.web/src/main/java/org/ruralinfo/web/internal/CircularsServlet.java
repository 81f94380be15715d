package org.ruralinfo.web.internal;

import java.io.IOException;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.ruralinfo.api.UserAccount;
import org.ruralinfo.supervision.Circular;
import org.ruralinfo.supervision.Dunning;
import org.ruralinfo.supervision.NewCircular;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Circulars (通报, Art. 10): {@code POST /api/v1/circulars} {@code {"title", "note", "units"}} (editor; without
 * units, every unit still overdue after reminders) names the units with their escalation history; 409 when none
 * remained overdue. {@code GET /api/v1/circulars}, {@code GET /api/v1/circulars/{id}}.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({ "/api/v1/circulars", "/api/v1/circulars/*" })
public class CircularsServlet extends ApiServlet {
    private static final long serialVersionUID = 1L;
    private static final Set<String> FIELDS = Set.of("title", "note", "units");

    private final transient Dunning dunning;

    @Activate
    public CircularsServlet(@Reference Sessions sessions, @Reference Dunning dunning) {
        super(sessions);
        this.dunning = dunning;
    }

    @Override
    void get(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        UserAccount u = user(req);
        String p = req.getPathInfo();
        if (p == null || p.equals("/")) {
            send(resp, 200, Documents.ordered("circulars", Supervising.call(() -> dunning.circulars(u)).stream()
                    .map(c -> (Object) Supervising.circular(c)).toList()));
            return;
        }
        long id;
        try {
            id = Long.parseLong(p.substring(1));
        } catch (NumberFormatException e) {
            throw ApiException.notFound("no circular " + p.substring(1));
        }
        send(resp, 200, Supervising.circular(Supervising.call(() -> dunning.circular(u, id))));
    }

    @Override
    void post(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        UserAccount u = user(req);
        if (req.getPathInfo() != null && !req.getPathInfo().equals("/")) {
            throw ApiException.notFound("POST a circular to /api/v1/circulars");
        }
        JsonNode body = body(req, 64 * 1024);
        body.fieldNames().forEachRemaining(f -> {
            if (!FIELDS.contains(f)) {
                throw ApiException.badRequest("$." + f, "unknown field");
            }
        });
        NewCircular n = new NewCircular(Supervising.optionalText(body, "title"), Supervising.optionalText(body, "note"),
                Supervising.strings(body, "units", false));
        Circular c = Supervising.call(() -> dunning.circular(u, n));
        resp.setHeader("Location", "/api/v1/circulars/" + c.id());
        send(resp, 201, Supervising.circular(c));
    }
}
