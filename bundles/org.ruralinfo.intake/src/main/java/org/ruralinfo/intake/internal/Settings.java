package org.ruralinfo.intake.internal;

import java.time.Duration;
import java.time.ZoneId;

/**
 * The configured rule values (see {@link IntakeConfig}).
 *
 * @param emergency       Art. 8: an emergency is reported within this time after it happened
 * @param meetingWorkdays Art. 8: a meeting or decision by the end of this many working days after its day
 * @param zone            Art. 8: the local time of every rule (the site's, PID org.ruralinfo.site)
 */
record Settings(Duration emergency, int meetingWorkdays, ZoneId zone, double copyThreshold, long attachmentMax,
        int titleMax, int bodyMax) {

    /** The width of {@code items.title} (V1). */
    static final int TITLE_COLUMN = 500;

    /** @return the defaults of {@link IntakeConfig} (Art. 8: 2 hours, 3 working days) in the local time {@code zone} */
    static Settings defaults(ZoneId zone) {
        return new Settings(Duration.ofHours(2), 3, zone, 0.6, 10L * 1024 * 1024, 500, 200_000);
    }

    /** @param zone the site's local time ({@link org.ruralinfo.api.Site#zone()}) */
    static Settings of(IntakeConfig c, ZoneId zone) {
        if (c.emergency_hours() < 1 || c.meeting_working__days() < 0 || c.copy_threshold() <= 0
                || c.copy_threshold() > 1 || c.attachment_max__bytes() < 1) {
            throw new IllegalArgumentException("org.ruralinfo.intake: a rule value is out of range");
        }
        // the columns hold at most 500 characters of title (V1); the body is a CLOB
        return new Settings(Duration.ofHours(c.emergency_hours()), c.meeting_working__days(), zone,
                c.copy_threshold(), c.attachment_max__bytes(), Math.min(TITLE_COLUMN, Math.max(1, c.title_max__length())),
                Math.max(1, c.body_max__length()));
    }
}
