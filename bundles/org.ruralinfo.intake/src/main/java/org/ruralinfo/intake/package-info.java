/**
 * The item workflow of the intake capability (Art. 5, 7, 8 of the measures): an information officer
 * drafts, the unit's reviewer approves with the confidentiality check, the unit's principal signs and so
 * sends it to the prefecture, whose editor accepts, returns or rejects it, marks qualifying research,
 * forwards it to the regional bureau and records its adoptions. Every transition is one transaction
 * and one audit row. Time standards, the copy check (不得照抄照搬) and attachments belong here too.
 */
@Version("1.0.0")
@Export
package org.ruralinfo.intake;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
