package org.ruralinfo.scoring.internal;

import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.util.Map;

import org.osgi.framework.ServiceReference;
import org.osgi.service.component.ComponentServiceObjects;
import org.ruralinfo.api.RecordStore;
import org.ruralinfo.api.scoring.ScoringPolicy;

/** Benchmarks only (bench module, outside OSGi): the real engine wired by hand, as SCR would wire it. */
public final class BenchEngines {
    private BenchEngines() {
    }

    /** @return an engine on {@code store} with {@code policy} installed as policy bazhou 2022.1.0 */
    public static ScoringEngine engine(RecordStore store, ScoringPolicy policy) {
        ScoringEngine engine = new ScoringEngine(org.ruralinfo.bench.Region.ZONE); // the example's local time
        try {
            Field f = ScoringEngine.class.getDeclaredField("store");
            f.setAccessible(true);
            f.set(engine, store);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        ServiceReference<?> ref = (ServiceReference<?>) Proxy.newProxyInstance(
                BenchEngines.class.getClassLoader(), new Class<?>[] {ServiceReference.class},
                (p, m, a) -> m.getName().equals("getBundle") ? null
                        : m.getName().equals("hashCode") ? 1 : m.getName().equals("equals") ? p == a[0] : null);
        ComponentServiceObjects<ScoringPolicy> handle = new ComponentServiceObjects<>() {
            @Override
            public ScoringPolicy getService() {
                return policy;
            }

            @Override
            public void ungetService(ScoringPolicy service) {
                // nothing to give back
            }

            @SuppressWarnings("unchecked")
            @Override
            public ServiceReference<ScoringPolicy> getServiceReference() {
                return (ServiceReference<ScoringPolicy>) ref;
            }
        };
        engine.addPolicy(handle, Map.of(ScoringPolicy.POLICY_ID, "bazhou", ScoringPolicy.POLICY_VERSION, "2022.1.0",
                ScoringPolicy.POLICY_EFFECTIVE_FROM, "2022-01-01", "service.id", 1L));
        return engine;
    }
}
