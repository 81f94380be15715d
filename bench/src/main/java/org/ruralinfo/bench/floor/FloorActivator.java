package org.ruralinfo.bench.floor;

import java.util.Hashtable;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

import jakarta.servlet.Servlet;

/**
 * The floor of the intake path, for benchmarks only: a bare whiteboard servlet on the product's own Jetty
 * (dropped into {@code deploy/} of a private copy of the distribution, never shipped). It is what any
 * request costs there before the product does anything.
 */
public final class FloorActivator implements BundleActivator {
    private ServiceRegistration<Servlet> registration;

    @Override
    public void start(BundleContext context) {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("osgi.http.whiteboard.servlet.pattern", "/bench/floor/*");
        props.put("osgi.http.whiteboard.servlet.name", "ruralinfo-bench-floor");
        registration = context.registerService(Servlet.class, new FloorServlet(context), props);
    }

    @Override
    public void stop(BundleContext context) {
        if (registration != null) {
            registration.unregister();
        }
    }
}
