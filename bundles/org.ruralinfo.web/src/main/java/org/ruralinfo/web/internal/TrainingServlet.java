package org.ruralinfo.web.internal;

import java.io.IOException;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.ruralinfo.api.UserAccount;
import org.ruralinfo.api.Wire;
import org.ruralinfo.supervision.Training;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Training records (Art. 13): {@code POST /api/v1/training} {@code {"unit", "form", "date", "title", "attendees",
 * "note"}} with form shadowing, meeting, seminar, exchange or visit; {@code GET /api/v1/training[?unit=]} lists
 * them per unit (a unit's users see their own).
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/v1/training")
public class TrainingServlet extends ApiServlet {
    private static final long serialVersionUID = 1L;
    private static final Set<String> FIELDS = Set.of("unit", "form", "date", "title", "attendees", "note");

    private final transient Training training;

    @Activate
    public TrainingServlet(@Reference Sessions sessions, @Reference Training training) {
        super(sessions);
        this.training = training;
    }

    @Override
    void get(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        UserAccount u = user(req);
        String unit = req.getParameter("unit");
        var sessions = Supervising.call(() -> training.list(u, unit == null || unit.isBlank() ? null : unit.strip()));
        java.util.Map<String, java.util.List<Object>> perUnit = new java.util.LinkedHashMap<>();
        sessions.forEach(s -> perUnit.computeIfAbsent(s.unit(), k -> new java.util.ArrayList<>()).add(Supervising.training(s)));
        send(resp, 200, Documents.ordered("units", perUnit.entrySet().stream()
                .map(e -> (Object) Documents.ordered("unit", e.getKey(), "sessions", e.getValue())).toList()));
    }

    @Override
    void post(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        UserAccount u = user(req);
        JsonNode body = body(req, 256 * 1024);
        body.fieldNames().forEachRemaining(f -> {
            if (!FIELDS.contains(f)) {
                throw ApiException.badRequest("$." + f, "unknown field");
            }
        });
        Training.Form form = Wire.parse(Training.Form.class, requiredText(body, "form", 20));
        if (form == null) {
            throw ApiException.badRequest("$.form", "one of shadowing, meeting, seminar, exchange, visit");
        }
        Training.NewSession s = new Training.NewSession(requiredText(body, "unit", 64), form,
                Supervising.date(body, "date"), requiredText(body, "title", 500),
                Supervising.strings(body, "attendees", true), Supervising.optionalText(body, "note"));
        send(resp, 201, Supervising.training(Supervising.call(() -> training.record(u, s))));
    }
}
