package org.ruralinfo.web.internal;

import java.io.IOException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.ruralinfo.api.UserAccount;
import org.ruralinfo.supervision.MonthlySummary;
import org.ruralinfo.supervision.Spreadsheets;
import org.ruralinfo.supervision.Supervision;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /api/v1/summaries?month=2025-07}: the monthly summary (一月一汇总), JSON or .xlsx on {@code Accept};
 * a unit's own users see their row.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/v1/summaries")
public class SummariesServlet extends ApiServlet {
    private static final long serialVersionUID = 1L;

    private final transient Supervision supervision;
    private final transient Spreadsheets spreadsheets;

    @Activate
    public SummariesServlet(@Reference Sessions sessions, @Reference Supervision supervision,
            @Reference Spreadsheets spreadsheets) {
        super(sessions);
        this.supervision = supervision;
        this.spreadsheets = spreadsheets;
    }

    @Override
    void get(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        UserAccount u = user(req);
        var month = Supervising.month(req);
        MonthlySummary s = Supervising.call(() -> supervision.summary(u, month));
        if (Supervising.xlsx(req)) {
            Supervising.sendXlsx(resp, "summary-" + month + ".xlsx", out -> spreadsheets.summary(s, out));
        } else {
            send(resp, 200, Supervising.summary(s));
        }
    }
}
