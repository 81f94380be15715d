package org.ruralinfo.supervision.internal;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.ruralinfo.api.Database;
import org.ruralinfo.api.WorkCalendar;
import org.ruralinfo.api.RecordStore;
import org.ruralinfo.api.Site;
import org.ruralinfo.supervision.Supervision;

/**
 * The daily supervision check (Art. 10): at the configured local time of every working day, on exactly one
 * node of the installation (a {@link Lease} in the database), it runs {@link Supervision#check} and so
 * queues the suggested reminders for the editor. One single-threaded scheduler, owned by this component and
 * shut down when it deactivates; a reconfiguration restarts the component with the new time.
 */
@Component(service = DailyCheck.class, immediate = true, configurationPid = "org.ruralinfo.supervision",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class DailyCheck {
    static final String LEASE = "supervision.daily-check";
    private static final Logger LOG = Logger.getLogger("org.ruralinfo.supervision");

    private final Supervision supervision;
    private final RecordStore store;
    private final Lease lease;
    private final LocalTime time;
    private final ZoneId zone;
    private final Clock clock;
    private final boolean enabled;
    private final ScheduledExecutorService scheduler;
    private volatile LocalDate lastRun;

    @Activate
    public DailyCheck(SupervisionConfig config, @Reference Site site, @Reference Supervision supervision,
            @Reference Database db, @Reference RecordStore store) {
        this(supervision, store, db, LocalTime.parse(config.check_time()), site.zone(),
                Duration.ofSeconds(Math.max(60, config.check_lease__seconds())), Clock.systemUTC(),
                config.check_enabled());
    }

    DailyCheck(Supervision supervision, RecordStore store, Database db, LocalTime time, ZoneId zone, Duration leaseTtl,
            Clock clock, boolean enabled) {
        this.supervision = supervision;
        this.store = store;
        this.time = time;
        this.zone = zone;
        this.clock = clock;
        this.enabled = enabled;
        this.lease = new Lease(db, LEASE, node(), leaseTtl, clock);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ruralinfo-supervision-check");
            t.setDaemon(true);
            return t;
        });
        if (enabled) {
            scheduleNext();
        }
    }

    private static String node() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "node";
        }
        return host + "/" + UUID.randomUUID();
    }

    @Deactivate
    void deactivate() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** @return the next run: today at the time if still ahead, else tomorrow at it */
    Instant next(Instant now) {
        ZonedDateTime local = now.atZone(zone);
        ZonedDateTime at = local.toLocalDate().atTime(time).atZone(zone);
        if (!at.isAfter(local)) {
            at = local.toLocalDate().plusDays(1).atTime(time).atZone(zone);
        }
        return at.toInstant();
    }

    private void scheduleNext() {
        if (scheduler.isShutdown()) {
            return;
        }
        Instant now = clock.instant();
        long delay = Math.max(0, Duration.between(now, next(now)).toMillis());
        scheduler.schedule(() -> {
            try {
                runIfDue();
            } finally {
                scheduleNext();
            }
        }, delay, TimeUnit.MILLISECONDS);
    }

    /**
     * Runs the check if today is a working day, it has not run here today, and this node holds the lease.
     *
     * @return whether it ran
     */
    boolean runIfDue() {
        try {
            LocalDate today = clock.instant().atZone(zone).toLocalDate();
            if (today.equals(lastRun)) {
                return false;
            }
            WorkCalendar calendar = new WorkCalendar(store.calendars());
            if (!calendar.isWorkday(today)) {
                return false;
            }
            if (!lease.acquire()) {
                LOG.fine("supervision check: another node holds the lease");
                return false;
            }
            lastRun = today;
            int queued = supervision.check(SupervisionService.SYSTEM).size();
            LOG.info("supervision check of " + today + ": " + queued + " reminders suggested");
            return true;
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "supervision check failed", e);
            return false;
        }
    }

    boolean enabled() {
        return enabled;
    }
}
