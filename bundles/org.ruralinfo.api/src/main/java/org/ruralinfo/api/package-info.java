/**
 * Domain records of ruralinfo: units, groups, outlets, the working-day calendar,
 * commissioning notices, items, adoptions and publicity reports, as the exchange
 * format v1 names them, and the services that store and serve them.
 */
@Version("1.3.0")
@Export
package org.ruralinfo.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
