package org.ruralinfo.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.ReferenceDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

/** The reasons health gives for a component, from the DS runtime's own descriptions. */
class FrameworkHealthTest {

    private static ComponentDescriptionDTO description(String policy) {
        ComponentDescriptionDTO d = new ComponentDescriptionDTO();
        d.name = "org.ruralinfo.x.internal.Thing";
        d.configurationPolicy = policy;
        d.configurationPid = new String[] {"org.ruralinfo.x"};
        ReferenceDTO r = new ReferenceDTO();
        r.name = "database";
        r.interfaceName = "org.ruralinfo.api.Database";
        d.references = new ReferenceDTO[] {r};
        return d;
    }

    private static ComponentConfigurationDTO configuration(int state) {
        ComponentConfigurationDTO c = new ComponentConfigurationDTO();
        c.state = state;
        c.unsatisfiedReferences = new UnsatisfiedReferenceDTO[0];
        return c;
    }

    @Test
    void activeAndSatisfiedComponentsHaveNoReason() {
        assertEquals(List.of(), FrameworkHealth.reasons(description("optional"),
                List.of(configuration(ComponentConfigurationDTO.ACTIVE))));
        assertEquals(List.of(), FrameworkHealth.reasons(description("optional"),
                List.of(configuration(ComponentConfigurationDTO.SATISFIED))));
    }

    @Test
    void aMissingServiceIsNamedWithItsInterfaceAndTarget() {
        ComponentConfigurationDTO c = configuration(ComponentConfigurationDTO.UNSATISFIED_REFERENCE);
        UnsatisfiedReferenceDTO u = new UnsatisfiedReferenceDTO();
        u.name = "database";
        u.target = "(name=main)";
        c.unsatisfiedReferences = new UnsatisfiedReferenceDTO[] {u};
        assertEquals(List.of("no service for its reference database (org.ruralinfo.api.Database) with target (name=main)"),
                FrameworkHealth.reasons(description("optional"), List.of(c)));
    }

    @Test
    void aRequiredConfigurationThatIsMissingIsNamedByItsPid() {
        assertEquals(List.of("waits for its configuration (PID org.ruralinfo.x)"),
                FrameworkHealth.reasons(description("require"), List.of()));
        assertEquals(List.of("waits for its configuration (PID org.ruralinfo.x)"), FrameworkHealth.reasons(
                description("optional"), List.of(configuration(ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION))));
    }

    @Test
    void aFactoryWithoutInstancesIsNoProblem() {
        ComponentDescriptionDTO d = description("optional");
        d.factory = "org.ruralinfo.x.factory";
        assertEquals(List.of(), FrameworkHealth.reasons(d, List.of()));
    }

    @Test
    void aFailedActivationGivesItsFirstLineNeverTheStackTrace() {
        ComponentConfigurationDTO c = configuration(ComponentConfigurationDTO.FAILED_ACTIVATION);
        c.failure = "java.lang.IllegalStateException: migration V2__briefing.sql failed\n\tat org.ruralinfo.X.y(X.java:1)\n";
        List<String> reasons = FrameworkHealth.reasons(description("optional"), List.of(c));
        assertEquals(List.of("activation failed: java.lang.IllegalStateException: migration V2__briefing.sql failed"),
                reasons);
        c.failure = "java.lang.reflect.InvocationTargetException\n\tat jdk.internal.X.y(X.java:1)\n"
                + "Caused by: java.lang.IllegalArgumentException: org.ruralinfo.site: zone 'Mars/Olympus' is not a time zone\n"
                + "\tat org.ruralinfo.store.internal.SiteSettings.<init>(SiteSettings.java:50)\n";
        assertEquals(List.of("activation failed: java.lang.IllegalArgumentException: org.ruralinfo.site: zone "
                + "'Mars/Olympus' is not a time zone"), FrameworkHealth.reasons(description("optional"), List.of(c)),
                "the root cause, not the constructor's wrapper");
        String longFailure = "x".repeat(1000);
        assertTrue(FrameworkHealth.firstLine(longFailure).length() <= FrameworkHealth.MAX_FAILURE + 1);
        assertEquals("(no cause given; see the log)", FrameworkHealth.firstLine(null));
    }
}
