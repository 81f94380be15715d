package org.ruralinfo.store.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.ruralinfo.api.Site;

/**
 * The one place of the settings every bundle shares ({@link Site}, PID {@value Site#PID}). A bad value stops this
 * component with a message naming the property, rather than letting each bundle guess: immediate, so that its
 * activation is tried at once and, failing, leaves no service behind (health names the property here, and each
 * bundle that needs the settings as waiting for them).
 * No {@code @Modified}: a changed configuration re-registers the service and its users start again with it. The
 * configuration is required (the product ships {@code config/org.ruralinfo.site.cfg}): every user starts once, with
 * the configured values, instead of once with defaults and again when the file is read; without the file, health
 * names the PID the bundles wait for.
 */
@Component(service = Site.class, configurationPid = Site.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        immediate = true)
@Designate(ocd = SiteConfig.class)
public final class SiteSettings implements Site {
    /** Framework properties set by {@code bin/ruralinfo}: RURALINFO_FILES and RURALINFO_HOME. */
    static final String FILES_PROPERTY = "ruralinfo.files";
    static final String HOME_PROPERTY = "ruralinfo.home";

    private final ZoneId zone;
    private final Path files;
    private final Optional<URI> publicBaseUrl;

    @Activate
    public SiteSettings(SiteConfig config, BundleContext context) {
        this(config.zone(), config.files(), config.public_base__url(), context.getProperty(FILES_PROPERTY),
                context.getProperty(HOME_PROPERTY));
    }

    /**
     * @param files the configured folder, else {@code filesProperty}, else {@code home}, else {@code data}
     * @throws IllegalArgumentException naming the property whose value is wrong
     */
    SiteSettings(String zone, String files, String publicBaseUrl, String filesProperty, String home) {
        try {
            this.zone = ZoneId.of(zone.strip());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(Site.PID + ": zone '" + zone + "' is not a time zone (e.g. Asia/Shanghai)");
        }
        this.files = Path.of(first(files, filesProperty, home, "data")).toAbsolutePath().normalize();
        this.publicBaseUrl = url(publicBaseUrl);
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        throw new IllegalStateException("no default");
    }

    private static Optional<URI> url(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(value.strip());
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new URISyntaxException(value, "not an http(s) address with a host");
            }
            return Optional.of(uri.getPath() == null || uri.getPath().isEmpty() ? uri.resolve("/") : uri);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(Site.PID + ": public.base_url '" + value
                    + "' is not an http(s) address (e.g. https://xxgz.bazhou.example/)");
        }
    }

    @Override
    public ZoneId zone() {
        return zone;
    }

    @Override
    public Path files() {
        return files;
    }

    @Override
    public Optional<URI> publicBaseUrl() {
        return publicBaseUrl;
    }
}
