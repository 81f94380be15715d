package org.ruralinfo.web.internal;

import java.io.IOException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterPattern;
import org.ruralinfo.api.RecordStore;
import org.ruralinfo.api.scoring.NoPolicyException;
import org.ruralinfo.api.scoring.Period;
import org.ruralinfo.api.scoring.RankingReport;
import org.ruralinfo.api.scoring.ScoringService;
import org.ruralinfo.supervision.Spreadsheets;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Spreadsheet downloads on the paths of other servlets (API v1: {@code Accept:
 * application/vnd.openxmlformats-officedocument.spreadsheetml.sheet}): {@code GET /api/v1/rankings?period=} as
 * the ranking table, {@code GET /api/v1/publicity?quarter=&channel=} as the self-report form (附件二/三). Any other
 * request passes on unchanged, so the JSON servlets of those paths stay as they are.
 */
@Component(service = Filter.class)
@HttpWhiteboardFilterPattern({ "/api/v1/rankings", "/api/v1/publicity" })
public class XlsxFilter implements Filter {
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ScoringService scoring;

    private final RankingTable rankings;
    private final PublicityFormsServlet publicity;

    @Activate
    public XlsxFilter(@Reference Sessions sessions, @Reference Spreadsheets spreadsheets, @Reference RecordStore store) {
        this.rankings = new RankingTable(sessions, spreadsheets);
        this.publicity = new PublicityFormsServlet(sessions, store, spreadsheets);
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse resp = (HttpServletResponse) response;
        if (!"GET".equals(req.getMethod()) || !Supervising.xlsx(req)) {
            chain.doFilter(request, response);
            return;
        }
        String path = req.getRequestURI();
        if (path.endsWith("/api/v1/rankings")) {
            rankings.service(req, resp);
        } else {
            publicity.service(req, resp);
        }
    }

    /** The ranking report as a workbook, one sheet per unit kind and one of the explained lines. */
    private final class RankingTable extends ApiServlet {
        private static final long serialVersionUID = 1L;
        private final transient Spreadsheets spreadsheets;

        RankingTable(Sessions sessions, Spreadsheets spreadsheets) {
            super(sessions);
            this.spreadsheets = spreadsheets;
        }

        @Override
        void get(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            user(req);
            Period period = Period.parse(req.getParameter("period"));
            if (period == null) {
                throw ApiException.badRequest("period", "a quarter like 2025-Q3 or a year like 2025 is required");
            }
            String policy = req.getParameter("policy");
            ScoringService s = scoring;
            if (s == null) {
                throw new NoPolicyException("the scoring engine is not running");
            }
            RankingReport report = s.ranking(period, policy == null || policy.isBlank() ? null : policy);
            Supervising.sendXlsx(resp, "ranking-" + period + ".xlsx", out -> spreadsheets.ranking(report, out));
        }
    }
}
