/**
 * Commissioning (约稿, Art. 9): notices addressed to units, the writer each unit names, and the delivery
 * status of every addressed unit as the rules define it.
 */
@Version("1.0.0")
@Export
package org.ruralinfo.commissioning;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
