package org.ruralinfo.web.internal;

import java.io.IOException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.ruralinfo.api.scoring.NoPolicyException;
import org.ruralinfo.api.scoring.Period;
import org.ruralinfo.api.scoring.ScoringService;
import org.ruralinfo.exchange.ExchangeCodec;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /api/v1/rankings?period=2025-Q3[&policy=ID]}: the ranking report v1 of a quarter or a year
 * (with the evaluation), for every logged-in user. 503 while no policy is in force.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/v1/rankings")
public class RankingsServlet extends ApiServlet {
    private static final long serialVersionUID = 1L;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile ScoringService scoring;

    private final transient ExchangeCodec codec;

    @Activate
    public RankingsServlet(@Reference Sessions sessions, @Reference ExchangeCodec codec) {
        super(sessions);
        this.codec = codec;
    }

    @Override
    void get(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        user(req);
        String text = req.getParameter("period");
        Period period = Period.parse(text);
        if (period == null) {
            throw ApiException.badRequest("period", "a quarter like 2025-Q3 or a year like 2025 is required, not "
                    + (text == null ? "nothing" : "\"" + text + "\""));
        }
        String policy = req.getParameter("policy");
        if (policy != null && (policy.isBlank() || policy.length() > 100)) {
            throw ApiException.badRequest("policy", "a policy id is required");
        }
        ScoringService s = scoring;
        if (s == null) {
            throw new NoPolicyException("the scoring engine is not running");
        }
        byte[] json = written.of(s.ranking(period, policy));
        resp.setStatus(200);
        resp.setContentType("application/json;charset=UTF-8");
        resp.setHeader("Cache-Control", "no-store");
        resp.setContentLength(json.length);
        resp.getOutputStream().write(json);
    }

    /**
     * The JSON of the reports written last, by report object: the engine gives the very same report for as
     * long as it holds (no record, policy or configuration changed), so a repeated report is the bytes
     * written the first time (issue #9: a region's year is 3.5 MB of JSON). At most {@value #CACHED_BYTES}
     * bytes are kept, the least recently asked for go first.
     */
    private final transient WrittenReports written = new WrittenReports();

    private static final int CACHED_BYTES = 32 << 20;

    private final class WrittenReports {
        private final java.util.LinkedHashMap<Object, byte[]> bytes = new java.util.LinkedHashMap<>(16, 0.75f, true);
        private long size;

        byte[] of(org.ruralinfo.api.scoring.RankingReport report) throws IOException {
            Object key = new Identity(report);
            synchronized (this) {
                byte[] hit = bytes.get(key);
                if (hit != null) {
                    return hit;
                }
            }
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(1 << 16);
            codec.writeRanking(report, out);
            byte[] json = out.toByteArray();
            synchronized (this) {
                byte[] replaced = bytes.put(key, json);
                size += json.length - (replaced == null ? 0 : replaced.length);
                var oldest = bytes.entrySet().iterator();
                while (size > CACHED_BYTES && oldest.hasNext()) {
                    size -= oldest.next().getValue().length;
                    oldest.remove();
                }
            }
            return json;
        }
    }

    /** A key equal only to itself: reports are compared by identity, not by their (large) contents. */
    private record Identity(Object of) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Identity i && i.of == of;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(of);
        }
    }
}
