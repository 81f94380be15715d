/**
 * Supervision and dunning (Art. 6, 10, 13, 17): quota progress and overdue deadlines per unit from the scoring
 * policy's own rules, suggested reminders of the daily check, reminders and circulars, the monthly summary,
 * frozen quarterly rankings, training records, and the spreadsheets of these tables.
 */
@Version("1.0.0")
@Export
package org.ruralinfo.supervision;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
