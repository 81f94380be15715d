package org.ruralinfo.scoring.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.Map;

import org.osgi.framework.Version;
import org.osgi.service.component.ComponentServiceObjects;
import org.ruralinfo.api.scoring.PolicyRef;
import org.ruralinfo.api.scoring.ScoringPolicy;

/**
 * A policy service as the engine tracks it: its properties and the handle to get the service for one
 * computation only (the engine never keeps a policy object, so an old policy bundle can go away).
 */
record InstalledPolicy(String id, Version version, String versionText, LocalDate effectiveFrom, String bundle,
        long serviceId, ComponentServiceObjects<ScoringPolicy> handle) {

    static final Comparator<InstalledPolicy> BY_VERSION = Comparator.comparing(InstalledPolicy::version)
            .thenComparing(InstalledPolicy::serviceId);

    /** @return the policy, or null when its properties are not usable (it is then ignored) */
    static InstalledPolicy of(ComponentServiceObjects<ScoringPolicy> handle, Map<String, Object> props) {
        Object id = props.get(ScoringPolicy.POLICY_ID);
        Object version = props.get(ScoringPolicy.POLICY_VERSION);
        Object from = props.get(ScoringPolicy.POLICY_EFFECTIVE_FROM);
        if (id == null || version == null || from == null) {
            return null;
        }
        try {
            String bundle = handle.getServiceReference().getBundle() == null ? "?"
                    : handle.getServiceReference().getBundle().getSymbolicName();
            return new InstalledPolicy(id.toString(), Version.parseVersion(version.toString()), version.toString(),
                    LocalDate.parse(from.toString()), bundle, (Long) props.get("service.id"), handle);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return null;
        }
    }

    PolicyRef ref() {
        return new PolicyRef(id, versionText);
    }

    boolean inForceOn(LocalDate day) {
        return !effectiveFrom.isAfter(day);
    }
}
