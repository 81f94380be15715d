package org.ruralinfo.web.internal;

import java.io.IOException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.ruralinfo.api.UserAccount;
import org.ruralinfo.api.scoring.Period;
import org.ruralinfo.supervision.RankingSnapshots;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Frozen quarterly rankings (Art. 17): {@code POST /api/v1/rankings/snapshots?period=2025-Q3} (editor) freezes the
 * ranking as computed now; {@code GET /api/v1/rankings/snapshots/2025-Q3} answers it as frozen ({@code report})
 * with {@code adjustments}: per unit whose current row differs, current − frozen.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({ "/api/v1/rankings/snapshots", "/api/v1/rankings/snapshots/*" })
public class SnapshotsServlet extends ApiServlet {
    private static final long serialVersionUID = 1L;

    private final transient RankingSnapshots snapshots;

    @Activate
    public SnapshotsServlet(@Reference Sessions sessions, @Reference RankingSnapshots snapshots) {
        super(sessions);
        this.snapshots = snapshots;
    }

    private static Period period(String text) {
        Period p = Period.parse(text);
        if (p == null || p.isYear()) {
            throw ApiException.badRequest("period", "a quarter like 2025-Q3 is required");
        }
        return p;
    }

    @Override
    void post(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        UserAccount u = user(req);
        if (req.getPathInfo() != null && !req.getPathInfo().equals("/")) {
            throw ApiException.notFound("POST /api/v1/rankings/snapshots?period=2025-Q3");
        }
        Period p = period(req.getParameter("period"));
        RankingSnapshots.Snapshot s = Supervising.call(() -> snapshots.freeze(u, p));
        resp.setHeader("Location", "/api/v1/rankings/snapshots/" + p);
        send(resp, 201, document(s));
    }

    @Override
    void get(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        UserAccount u = user(req);
        String path = req.getPathInfo();
        if (path == null || path.length() < 2) {
            throw ApiException.notFound("GET /api/v1/rankings/snapshots/{period}");
        }
        Period p = period(path.substring(1));
        RankingSnapshots.Snapshot s = Supervising.call(() -> snapshots.get(u, p))
                .orElseThrow(() -> ApiException.notFound("the ranking of " + p + " is not frozen"));
        send(resp, 200, document(s));
    }

    private java.util.Map<String, Object> document(RankingSnapshots.Snapshot s) throws IOException {
        return Documents.ordered("period", s.period().toString(), "policy",
                Documents.ordered("id", s.policyId(), "version", s.policyVersion()), "frozen_by", s.frozenBy(),
                "frozen_at", ItemDocuments.time(s.frozenAt()), "report", json.readTree(s.report()),
                "adjustments", s.adjustments().stream().map(a -> (Object) Documents.ordered("unit", a.unit(),
                        "kind", a.kind(), "frozen_score", a.frozenScore(), "current_score", a.currentScore(),
                        "score", a.score(), "information", a.information(), "news", a.news(), "online", a.online(),
                        "deductions", a.deductions(), "frozen_rank", a.frozenRank(), "current_rank", a.currentRank()))
                        .toList());
    }
}
