package org.ruralinfo.web.internal;

import java.io.IOException;
import java.util.List;
import java.util.Map;

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

/** {@code GET /api/v1/policies}: the installed scoring policies, the one in force today marked active. */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/v1/policies")
public class PoliciesServlet extends ApiServlet {
    private static final long serialVersionUID = 1L;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile ScoringService scoring;

    @Activate
    public PoliciesServlet(@Reference Sessions sessions) {
        super(sessions);
    }

    @Override
    void get(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        user(req);
        ScoringService s = scoring;
        List<Object> list = s == null ? List.of() : s.policies().stream().map(p -> (Object) Documents.policy(p)).toList();
        send(resp, 200, Map.of("policies", list));
    }
}
