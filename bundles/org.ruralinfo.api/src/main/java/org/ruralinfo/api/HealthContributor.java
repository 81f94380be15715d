package org.ruralinfo.api;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * What a bundle knows is wrong beyond its bundles and components, for {@code GET /api/v1/health}: e.g. the store's
 * migrations extender names the bundle whose schema script failed. Health is DOWN while any contributor reports a
 * problem.
 */
@ConsumerType
public interface HealthContributor {

    /**
     * @param bundle    the symbolic name of the bundle concerned
     * @param component the component concerned, or null
     * @param reason    what is wrong, in plain words (no stack trace)
     */
    record Problem(String bundle, String component, String reason) {
    }

    /** @return the problems now; empty when all is well */
    List<Problem> problems();
}
