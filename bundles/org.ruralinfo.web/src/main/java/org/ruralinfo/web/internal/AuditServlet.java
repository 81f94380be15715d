package org.ruralinfo.web.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;


import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.ruralinfo.api.AuditEntry;
import org.ruralinfo.api.AuditLog;
import org.ruralinfo.api.AuditQuery;
import org.ruralinfo.api.Role;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /api/v1/audit?actor=&action=&target=&from=&to=&page=&size=} (admin): the audit trail,
 * newest first; with {@code Accept: text/csv} (or {@code format=csv}) an export of up to 10,000 rows.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/v1/audit")
public class AuditServlet extends ApiServlet {
    private static final long serialVersionUID = 1L;
    private final transient AuditLog audit;

    @Activate
    public AuditServlet(@Reference Sessions sessions, @Reference AuditLog audit) {
        super(sessions);
        this.audit = audit;
    }

    @Override
    void get(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        user(req, Role.ADMIN);
        boolean csv = "csv".equals(req.getParameter("format"))
                || String.valueOf(req.getHeader("Accept")).contains("text/csv");
        int page = number(req, "page", 1, 1, 1_000_000);
        int size = number(req, "size", csv ? 10_000 : 50, 1, csv ? 10_000 : 500);
        AuditQuery q = new AuditQuery(blankToNull(req.getParameter("actor")), blankToNull(req.getParameter("action")),
                blankToNull(req.getParameter("target")), instant(req, "from"), instant(req, "to"), (page - 1) * size,
                size);
        List<AuditEntry> rows = audit.query(q);
        if (csv) {
            resp.setStatus(200);
            resp.setContentType("text/csv;charset=UTF-8");
            resp.setHeader("Content-Disposition", "attachment; filename=\"ruralinfo-audit.csv\"");
            PrintWriter w = resp.getWriter();
            w.write("\uFEFFid,at,actor,action,target,detail\r\n");
            for (AuditEntry e : rows) {
                w.write(e.id() + "," + e.at() + "," + cell(e.actor()) + "," + cell(e.action()) + ","
                        + cell(e.target()) + "," + cell(e.detail()) + "\r\n");
            }
            return;
        }
        send(resp, 200, Documents.ordered("page", page, "size", size, "entries", rows.stream()
                .map(e -> (Object) Documents.ordered("id", e.id(), "at", e.at().toString(), "actor", e.actor(),
                        "action", e.action(), "target", e.target(), "detail", e.detail()))
                .toList()));
    }

    /** A CSV cell, quoted; a leading =, +, - or @ is defused so a spreadsheet never runs it as a formula. */
    static String cell(String s) {
        if (s == null) {
            return "";
        }
        String v = s.isEmpty() || "=+-@".indexOf(s.charAt(0)) < 0 ? s : "'" + s;
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static int number(HttpServletRequest req, String name, int dflt, int min, int max) {
        String v = req.getParameter(name);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n < min || n > max) {
                throw ApiException.badRequest(name, "a whole number from " + min + " to " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name, "a whole number from " + min + " to " + max);
        }
    }

    private static Instant instant(HttpServletRequest req, String name) {
        String v = req.getParameter(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(v.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name, "a timestamp with an offset, e.g. 2026-07-03T10:00:00+08:00");
        }
    }

}
