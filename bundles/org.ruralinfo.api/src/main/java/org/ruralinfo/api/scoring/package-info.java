/**
 * The scoring SPI: a {@link org.ruralinfo.api.scoring.ScoringPolicy} turns the facts of a period
 * into explained point lines; the policy-free engine ranks them. Policies are consumers of this
 * package: any new method is a major version.
 */
@Version("1.0.0")
@Export
package org.ruralinfo.api.scoring;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
