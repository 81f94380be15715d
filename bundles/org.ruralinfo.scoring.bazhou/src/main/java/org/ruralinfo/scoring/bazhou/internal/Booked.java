package org.ruralinfo.scoring.bazhou.internal;

import org.ruralinfo.api.scoring.Period;
import org.ruralinfo.api.scoring.PointLine;

/** A point line and the quarter whose score holds it ("When points count"). */
record Booked(Period quarter, PointLine line) {
}
