package org.ruralinfo.web.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.ReferenceDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;
import org.ruralinfo.api.HealthContributor.Problem;

/**
 * What keeps the framework from being healthy, the logic of the Apache Felix Health Checks general checks
 * ("bundles started", "DS components ready") without their three bundles: every bundle that is not active
 * (fragments aside) and every enabled Declarative Services component that is not satisfied, each named with
 * its reason. Components disabled on purpose ({@code enabled = false}, or by an admin) are not problems.
 *
 * <p>A bundle that an admin is swapping (taken out of {@code deploy/}, put back, updated) passes through states
 * that are not active for a moment. Its problems, and those of its components, are {@code settling} while the
 * caller says so (see {@link HealthServlet}): listed, but the framework is not DOWN for them.
 */
final class FrameworkHealth {

    /** Counts, problems and the problems of bundles still settling, of one look at the framework. */
    record Report(int bundlesActive, int bundlesTotal, int componentsSatisfied, int componentsTotal,
            List<Problem> problems, List<Problem> settling) {
        boolean up() {
            return problems.isEmpty();
        }
    }

    /** The longest part of an activation failure that the answer carries; the log has the whole cause. */
    static final int MAX_FAILURE = 200;
    private static final String CAUSED_BY = "Caused by:";

    private FrameworkHealth() {
    }

    /**
     * @param bundles the framework's bundles
     * @param components every component description with its enabled state and configurations; null where no
     *        DS runtime is there to ask (that is itself a problem)
     * @param settling whether a bundle is being swapped, so that its problems and its components' do not count yet
     * @param contributed what the bundles' {@link org.ruralinfo.api.HealthContributor}s report
     */
    static Report look(Bundle[] bundles, Collection<Component> components, Predicate<Bundle> settling,
            List<Problem> contributed) {
        List<Problem> problems = new ArrayList<>();
        Set<String> settlingNames = new HashSet<>();
        int total = 0;
        int active = 0;
        for (Bundle b : bundles) {
            BundleRevision rev = b.adapt(BundleRevision.class);
            if (rev != null && (rev.getTypes() & BundleRevision.TYPE_FRAGMENT) != 0) {
                continue;
            }
            if (settling.test(b)) {
                settlingNames.add(b.getSymbolicName());
            }
            total++;
            if (b.getState() == Bundle.ACTIVE) {
                active++;
            } else {
                problems.add(new Problem(b.getSymbolicName(), null, "bundle " + state(b.getState())));
            }
        }
        int satisfied = 0;
        int count = 0;
        if (components == null) {
            problems.add(new Problem("org.apache.felix.scr", null, "no Declarative Services runtime"));
        } else {
            for (Component c : components) {
                if (!c.enabled()) {
                    continue;
                }
                count++;
                List<String> reasons = reasons(c.description(), c.configurations());
                if (reasons.isEmpty()) {
                    satisfied++;
                }
                for (String reason : reasons) {
                    problems.add(new Problem(c.description().bundle.symbolicName, c.description().name, reason));
                }
            }
        }
        problems.addAll(contributed);
        List<Problem> counted = new ArrayList<>();
        List<Problem> passing = new ArrayList<>();
        for (Problem p : problems) {
            (settlingNames.contains(p.bundle()) ? passing : counted).add(p);
        }
        return new Report(active, total, satisfied, count, List.copyOf(counted), List.copyOf(passing));
    }

    /** A component as the DS runtime describes it now. */
    record Component(ComponentDescriptionDTO description, boolean enabled,
            Collection<ComponentConfigurationDTO> configurations) {
    }

    /** @return why the component is not satisfied; empty when it is */
    static List<String> reasons(ComponentDescriptionDTO d, Collection<ComponentConfigurationDTO> configurations) {
        List<String> out = new ArrayList<>();
        if (configurations.isEmpty()) {
            if ("require".equals(d.configurationPolicy)) {
                out.add("waits for its configuration (PID " + String.join(", ", d.configurationPid) + ")");
            } else if (d.factory == null) {
                out.add("has no configuration the runtime could build");
            }
            return out; // a factory component without instances is as it should be
        }
        for (ComponentConfigurationDTO c : configurations) {
            switch (c.state) {
                case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION ->
                    out.add("waits for its configuration (PID " + String.join(", ", d.configurationPid) + ")");
                case ComponentConfigurationDTO.UNSATISFIED_REFERENCE -> {
                    for (UnsatisfiedReferenceDTO r : c.unsatisfiedReferences) {
                        out.add("no service for its reference " + r.name + interfaceOf(d, r.name)
                                + (r.target == null ? "" : " with target " + r.target));
                    }
                }
                case ComponentConfigurationDTO.FAILED_ACTIVATION ->
                    out.add("activation failed: " + firstLine(c.failure));
                default -> {
                    // SATISFIED, ACTIVE
                }
            }
        }
        return out;
    }

    private static String interfaceOf(ComponentDescriptionDTO d, String reference) {
        return Arrays.stream(d.references == null ? new ReferenceDTO[0] : d.references)
                .filter(r -> reference.equals(r.name)).findFirst()
                .map(r -> " (" + r.interfaceName + ")").orElse("");
    }

    /**
     * @return the line of a failure that says what went wrong: its root cause (the last {@code Caused by:}, since
     *         SCR wraps what a constructor throws), else its first line; never a stack trace
     */
    static String firstLine(String failure) {
        if (failure == null || failure.isBlank()) {
            return "(no cause given; see the log)";
        }
        String line = failure.strip().lines().findFirst().orElse("").strip();
        for (String l : (Iterable<String>) failure.lines()::iterator) {
            if (l.strip().startsWith(CAUSED_BY)) {
                line = l.strip().substring(CAUSED_BY.length()).strip();
            }
        }
        return line.length() > MAX_FAILURE ? line.substring(0, MAX_FAILURE) + "…" : line;
    }

    private static String state(int state) {
        return switch (state) {
            case Bundle.INSTALLED -> "installed, not resolved";
            case Bundle.RESOLVED -> "resolved, not started";
            case Bundle.STARTING -> "starting";
            case Bundle.STOPPING -> "stopping";
            case Bundle.UNINSTALLED -> "uninstalled";
            default -> "in state " + state;
        };
    }
}
