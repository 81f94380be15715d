/**
 * Exchange format v1 ({@code "format": "ruralinfo-exchange/1"}): reading a document, with every
 * rejection rule of the contract checked, and writing one.
 *
 * @see org.ruralinfo.exchange.ExchangeCodec
 */
@Version("1.1.0")
@Export
package org.ruralinfo.exchange;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
