package org.ruralinfo.web.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.ruralinfo.api.scoring.ScoringService;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** {@code GET /api/v1/health}: no login needed. UP when every bundle (fragments aside) is active. */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/v1/health")
public class HealthServlet extends ApiServlet {
    private static final long serialVersionUID = 1L;
    private final transient BundleContext context;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile ScoringService scoring;

    @Activate
    public HealthServlet(@Reference Sessions sessions, BundleContext context) {
        super(sessions);
        this.context = context;
    }

    @Override
    void get(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        int total = 0;
        int active = 0;
        for (Bundle b : context.getBundles()) {
            BundleRevision rev = b.adapt(BundleRevision.class);
            boolean fragment = rev != null && (rev.getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
            if (fragment) {
                continue;
            }
            total++;
            if (b.getState() == Bundle.ACTIVE) {
                active++;
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", active == total ? "UP" : "DEGRADED");
        body.put("bundles", Documents.ordered("active", active, "total", total));
        ScoringService s = scoring;
        body.put("policy", s == null ? null : s.policyInForce()
                .map(p -> Documents.ordered("id", p.id(), "version", p.version())).orElse(null));
        send(resp, 200, body);
    }
}
