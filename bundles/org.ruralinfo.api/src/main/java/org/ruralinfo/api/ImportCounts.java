package org.ruralinfo.api;

/** How many records of each section an import wrote (inserted or updated). */
public record ImportCounts(int calendar, int units, int groups, int outlets, int notices, int items, int adoptions,
        int publicity) {
}
