package org.ruralinfo.supervision.internal;

import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ruralinfo.api.ValidationError;
import org.ruralinfo.api.ValidationException;

/**
 * What a reminder is about, named like the ref of the Art. 20 line it would become:
 * {@code notice:<notice>:<unit>}, {@code quota:<unit>:<yyyy-MM>}, {@code quota:<unit>:<yyyy>},
 * {@code group:<group>:<unit>:<yyyy-MM>}, {@code research:<unit>:<yyyy>[-H1|-H2]}, {@code item:<item>}.
 *
 * @param type   notice, quota, group, research or item
 * @param id     the notice, group or item id (null for quota and research)
 * @param unit   the unit named in the subject (null for item: the item's own unit)
 * @param period {@code yyyy-MM}, {@code yyyy} or {@code yyyy-Hn} (null for notice and item)
 */
record Subject(String text, String type, String id, String unit, String period) {
    private static final String ID = "([A-Za-z0-9][A-Za-z0-9._\\-]{0,63})";
    private static final Pattern NOTICE = Pattern.compile("notice:" + ID + ":" + ID);
    private static final Pattern QUOTA = Pattern.compile("quota:" + ID + ":(\\d{4}(?:-(?:0[1-9]|1[0-2]))?)");
    private static final Pattern GROUP = Pattern.compile("group:" + ID + ":" + ID + ":(\\d{4}-(?:0[1-9]|1[0-2]))");
    private static final Pattern RESEARCH = Pattern.compile("research:" + ID + ":(\\d{4}(?:-H[12])?)");
    private static final Pattern ITEM = Pattern.compile("item:" + ID);

    /** @throws ValidationException naming {@code $.subject} when the text is none of the forms */
    static Subject parse(String text) {
        if (text == null || text.isBlank()) {
            throw new ValidationException(new ValidationError("$.subject", "is required"));
        }
        Matcher m;
        if ((m = NOTICE.matcher(text)).matches()) {
            return new Subject(text, "notice", m.group(1), m.group(2), null);
        }
        if ((m = QUOTA.matcher(text)).matches()) {
            return new Subject(text, "quota", null, m.group(1), m.group(2));
        }
        if ((m = GROUP.matcher(text)).matches()) {
            return new Subject(text, "group", m.group(1), m.group(2), m.group(3));
        }
        if ((m = RESEARCH.matcher(text)).matches()) {
            return new Subject(text, "research", null, m.group(1), m.group(2));
        }
        if ((m = ITEM.matcher(text)).matches()) {
            return new Subject(text, "item", m.group(1), null, null);
        }
        throw new ValidationException(new ValidationError("$.subject", "one of notice:<notice>:<unit>, "
                + "quota:<unit>:<yyyy-MM>, group:<group>:<unit>:<yyyy-MM>, research:<unit>:<yyyy>[-Hn], item:<item>"));
    }

    /** @return a month the obligation of this subject can be read in (its month, or the last of its period) */
    YearMonth month() {
        if (period.length() == 7 && period.charAt(4) == '-' && period.charAt(5) != 'H') {
            return YearMonth.parse(period);
        }
        int year = Integer.parseInt(period.substring(0, 4));
        if (period.endsWith("-H1")) {
            return YearMonth.of(year, 6);
        }
        return YearMonth.of(year, 12);
    }

    /** @return the subject in words for a written notice */
    String words() {
        return switch (type) {
            case "notice" -> "约稿通知 " + id + " 未按时报送";
            case "quota" -> period + " 信息报送任务未完成";
            case "group" -> period + " 专项组(" + id + ")汇总信息未完成";
            case "research" -> period + " 调研信息任务未完成";
            default -> "信息 " + id + " 未按时限报送";
        };
    }
}
