package org.ruralinfo.web.internal;

import java.io.IOException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.ruralinfo.api.UserAccount;
import org.ruralinfo.supervision.Spreadsheets;
import org.ruralinfo.supervision.Supervision;
import org.ruralinfo.supervision.SupervisionReport;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /api/v1/supervision?month=2025-07} (JSON, or .xlsx on {@code Accept}): per unit, quota progress,
 * research, overdue notices and items, reminders sent; a unit's own users see their row. {@code POST
 * /api/v1/supervision/checks} (editor, admin) runs the daily check now and answers the suggestions queued.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({ "/api/v1/supervision", "/api/v1/supervision/*" })
public class SupervisionServlet extends ApiServlet {
    private static final long serialVersionUID = 1L;

    private final transient Supervision supervision;
    private final transient Spreadsheets spreadsheets;

    @Activate
    public SupervisionServlet(@Reference Sessions sessions, @Reference Supervision supervision,
            @Reference Spreadsheets spreadsheets) {
        super(sessions);
        this.supervision = supervision;
        this.spreadsheets = spreadsheets;
    }

    @Override
    void get(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        UserAccount u = user(req);
        if (req.getPathInfo() != null && !req.getPathInfo().equals("/")) {
            throw ApiException.notFound("no such resource " + req.getRequestURI());
        }
        var month = Supervising.month(req);
        SupervisionReport r = Supervising.call(() -> supervision.report(u, month));
        if (Supervising.xlsx(req)) {
            Supervising.sendXlsx(resp, "supervision-" + month + ".xlsx", out -> spreadsheets.supervision(r, out));
        } else {
            send(resp, 200, Supervising.supervision(r));
        }
    }

    @Override
    void post(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        UserAccount u = user(req);
        if (!"/checks".equals(req.getPathInfo())) {
            throw ApiException.notFound("POST /api/v1/supervision/checks runs the check");
        }
        send(resp, 200, Documents.ordered("queued", Supervising.call(() -> supervision.check(u)).stream()
                .map(s -> (Object) Supervising.suggestion(s)).toList()));
    }
}
