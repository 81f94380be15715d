package org.ruralinfo.api;

import java.net.URI;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The settings that every bundle shares, kept once (configuration PID {@value #PID}, file
 * {@code config/org.ruralinfo.site.cfg}): the local time of every rule and date, the folder of files the nodes
 * share, and the address staff reach the console at. A bundle that needs one references this service; none
 * keeps its own copy. A change of the configuration re-registers the service, so its users start again with
 * the new values.
 */
@ProviderType
public interface Site {
    /** The configuration PID of the site settings. */
    String PID = "org.ruralinfo.site";

    /** @return the local time of every rule, deadline, date and document (Measures Art. 8; Asia/Shanghai) */
    ZoneId zone();

    /**
     * @return the folder of files (attachments, archive volumes, backups' companions), an absolute path; on
     *         several nodes a folder they all share
     */
    Path files();

    /**
     * @return the address staff reach the console at (e.g. {@code https://xxgz.bazhou.example/}), for links in
     *         documents and messages; empty when not configured
     */
    Optional<URI> publicBaseUrl();
}
