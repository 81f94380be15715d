package org.ruralinfo.web.internal;

import java.io.IOException;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.ruralinfo.api.UserAccount;
import org.ruralinfo.api.Wire;
import org.ruralinfo.supervision.Dunning;
import org.ruralinfo.supervision.NewReminder;
import org.ruralinfo.supervision.Reminder;
import org.ruralinfo.supervision.ReminderKind;
import org.ruralinfo.supervision.Supervision;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Reminders (Art. 10): {@code POST /api/v1/reminders} {@code {"unit", "kind": "phone"|"notice", "subject", "note",
 * "caller", "callee", "at"}} (editor), {@code GET /api/v1/reminders[?unit=]}, {@code GET /api/v1/reminders/{id}},
 * {@code GET /api/v1/reminders/{id}/document} (the 催办通知 DOCX), {@code GET /api/v1/reminders/suggested} (the
 * daily check's suggestions, editor) and {@code GET /api/v1/reminders/template} (the DOCX template in force).
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({ "/api/v1/reminders", "/api/v1/reminders/*" })
public class RemindersServlet extends ApiServlet {
    private static final long serialVersionUID = 1L;
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static final Set<String> FIELDS = Set.of("unit", "kind", "subject", "note", "caller", "callee", "at");

    private final transient Dunning dunning;
    private final transient Supervision supervision;

    @Activate
    public RemindersServlet(@Reference Sessions sessions, @Reference Dunning dunning, @Reference Supervision supervision) {
        super(sessions);
        this.dunning = dunning;
        this.supervision = supervision;
    }

    @Override
    void get(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        UserAccount u = user(req);
        String p = req.getPathInfo();
        if (p == null || p.equals("/")) {
            String unit = req.getParameter("unit");
            send(resp, 200, Documents.ordered("reminders", Supervising.call(() -> dunning.reminders(u,
                    unit == null || unit.isBlank() ? null : unit.strip())).stream()
                    .map(r -> (Object) Supervising.reminder(r)).toList()));
            return;
        }
        if (p.equals("/suggested")) {
            send(resp, 200, Documents.ordered("suggestions", Supervising.call(() -> supervision.suggestions(u)).stream()
                    .map(s -> (Object) Supervising.suggestion(s)).toList()));
            return;
        }
        if (p.equals("/template")) {
            docx(resp, "reminder-template.docx", Supervising.call(() -> dunning.template(u)));
            return;
        }
        String[] parts = p.substring(1).split("/");
        long id = id(parts[0]);
        if (parts.length == 1) {
            send(resp, 200, Supervising.reminder(Supervising.call(() -> dunning.reminder(u, id))));
        } else if (parts.length == 2 && parts[1].equals("document")) {
            docx(resp, "reminder-" + id + ".docx", Supervising.call(() -> dunning.document(u, id)));
        } else {
            throw ApiException.notFound("no such resource " + req.getRequestURI());
        }
    }

    private static long id(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw ApiException.notFound("no reminder " + s);
        }
    }

    private static void docx(HttpServletResponse resp, String name, byte[] bytes) throws IOException {
        resp.setStatus(200);
        resp.setContentType(DOCX);
        resp.setHeader("Cache-Control", "no-store");
        resp.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }

    @Override
    void post(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        UserAccount u = user(req);
        if (req.getPathInfo() != null && !req.getPathInfo().equals("/")) {
            throw ApiException.notFound("POST a reminder to /api/v1/reminders");
        }
        JsonNode body = body(req, 64 * 1024);
        body.fieldNames().forEachRemaining(f -> {
            if (!FIELDS.contains(f)) {
                throw ApiException.badRequest("$." + f, "unknown field");
            }
        });
        String kindText = requiredText(body, "kind", 20);
        ReminderKind kind = Wire.parse(ReminderKind.class, kindText);
        if (kind == null) {
            throw ApiException.badRequest("$.kind", "phone or notice");
        }
        NewReminder r = new NewReminder(requiredText(body, "unit", 64), kind, requiredText(body, "subject", 200),
                Supervising.optionalText(body, "note"), Supervising.optionalText(body, "caller"),
                Supervising.optionalText(body, "callee"), Supervising.instant(body, "at", false));
        Reminder made = Supervising.call(() -> dunning.remind(u, r));
        resp.setHeader("Location", "/api/v1/reminders/" + made.id());
        send(resp, 201, Supervising.reminder(made));
    }
}
