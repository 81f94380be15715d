/**
 * The supervision SPI (Art. 6, 10): a scoring policy tells, for a month, what each unit owes and what
 * counts towards it so far, with the same facts and parameters it scores with, so that "behind" in
 * supervision and "points lost" in the ranking never disagree. Policies are consumers of this package:
 * any new method is a major version.
 */
@Version("1.0.0")
@Export
package org.ruralinfo.api.supervision;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
