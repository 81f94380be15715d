package org.ruralinfo.web.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.ruralinfo.api.HealthContributor;
import org.ruralinfo.api.HealthContributor.Problem;
import org.ruralinfo.api.scoring.ScoringService;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /api/v1/health}: no login needed. UP (200) when every bundle (fragments aside) is active and every
 * enabled DS component is satisfied; otherwise DOWN (503), with each bundle or component that is wrong named in
 * {@code problems} with its reason (see {@link FrameworkHealth}).
 *
 * <p>A hot swap is not an outage: a bundle that has been active here before and changed in the last
 * {@link #SETTLE} (stopping, uninstalled, put back, updated) is {@code settling}, listed apart, until it has
 * settled. A bundle never active here (a new jar that cannot resolve) counts at once.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/v1/health")
public class HealthServlet extends ApiServlet {
    private static final long serialVersionUID = 1L;
    /** How long a bundle that changed may be not active before health counts it. */
    static final Duration SETTLE = Duration.ofSeconds(2);
    private final transient BundleContext context;
    /** Symbolic names of the bundles seen active, and when each last changed (System.nanoTime). */
    private final transient Set<String> seenActive = ConcurrentHashMap.newKeySet();
    private final transient Map<String, Long> lastChange = new ConcurrentHashMap<>();
    private final transient SynchronousBundleListener listener = this::changed;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile ScoringService scoring;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile ServiceComponentRuntime scr;

    /** What bundles know is wrong beyond their states, e.g. a schema migration that failed. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile List<HealthContributor> contributors;

    @Activate
    public HealthServlet(@Reference Sessions sessions, BundleContext context) {
        super(sessions);
        this.context = context;
        context.addBundleListener(listener);
        for (Bundle b : context.getBundles()) {
            if (b.getState() == Bundle.ACTIVE && b.getSymbolicName() != null) {
                seenActive.add(b.getSymbolicName());
            }
        }
    }

    @Deactivate
    void deactivate() {
        context.removeBundleListener(listener);
    }

    private void changed(BundleEvent e) {
        String name = e.getBundle().getSymbolicName();
        if (name == null) {
            return;
        }
        lastChange.put(name, System.nanoTime());
        if (e.getType() == BundleEvent.STARTED) {
            seenActive.add(name);
        }
    }

    /** @return whether the bundle, active here before, is starting or stopping or changed within {@link #SETTLE} */
    private boolean settling(Bundle b) {
        String name = b.getSymbolicName();
        if (name == null || !seenActive.contains(name)) {
            return false;
        }
        if ((b.getState() & (Bundle.STARTING | Bundle.STOPPING)) != 0) {
            return true; // its event may not have reached the listener yet
        }
        Long changed = lastChange.get(name);
        return changed != null && System.nanoTime() - changed < SETTLE.toNanos();
    }

    @Override
    void get(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        List<Problem> contributed = new ArrayList<>();
        List<HealthContributor> now = contributors;
        if (now != null) {
            now.forEach(c -> contributed.addAll(c.problems()));
        }
        FrameworkHealth.Report report = FrameworkHealth.look(context.getBundles(), components(scr), this::settling,
                contributed);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", report.up() ? "UP" : "DOWN");
        body.put("bundles", Documents.ordered("active", report.bundlesActive(), "total", report.bundlesTotal()));
        body.put("components", Documents.ordered("satisfied", report.componentsSatisfied(),
                "total", report.componentsTotal()));
        ScoringService s = scoring;
        body.put("policy", s == null ? null : s.policyInForce()
                .map(p -> Documents.ordered("id", p.id(), "version", p.version())).orElse(null));
        body.put("problems", json(report.problems()));
        if (!report.settling().isEmpty()) {
            body.put("settling", json(report.settling()));
        }
        send(resp, report.up() ? 200 : 503, body);
    }

    private static List<Object> json(List<Problem> problems) {
        List<Object> out = new ArrayList<>();
        for (Problem p : problems) {
            out.add(p.component() == null ? Documents.ordered("bundle", p.bundle(), "reason", p.reason())
                    : Documents.ordered("bundle", p.bundle(), "component", p.component(), "reason", p.reason()));
        }
        return out;
    }

    private static List<FrameworkHealth.Component> components(ServiceComponentRuntime scr) {
        if (scr == null) {
            return null;
        }
        List<FrameworkHealth.Component> out = new ArrayList<>();
        for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs()) {
            boolean enabled = scr.isComponentEnabled(d);
            out.add(new FrameworkHealth.Component(d, enabled,
                    enabled ? scr.getComponentConfigurationDTOs(d) : List.of()));
        }
        return out;
    }
}
