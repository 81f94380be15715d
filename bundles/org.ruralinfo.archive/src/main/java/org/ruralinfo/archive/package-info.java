/**
 * The archive capability (Art. 12 and 16 of the measures): each year's volume (立卷) of everything sent
 * up to the region, with paper copies registered against it and closed read-only; archive packages
 * (ZIP, a manifest of SHA-256 sums signed with the installation's Ed25519 key) and their verification;
 * and the offline (CD) exchange of a unit's items between installations.
 *
 * @see org.ruralinfo.archive.Archive
 */
@Version("1.0.0")
@Export
package org.ruralinfo.archive;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
