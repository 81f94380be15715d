package org.ruralinfo.archive;

import java.time.LocalDate;

/**
 * A paper copy to register (纸质归档): where it is kept and who filed it.
 *
 * @param item    the item it is a copy of, or null for the volume as a whole
 * @param box     box number (盒号)
 * @param volume  volume number (卷号)
 * @param piece   piece number (件号)
 * @param shelf   shelf or cabinet (架位), may be null
 * @param filedBy who filed it (立卷人)
 * @param filedOn the day it was filed, null for today
 * @param note    may be null
 */
public record PaperRequest(String item, String box, String volume, String piece, String shelf, String filedBy,
        LocalDate filedOn, String note) {
}
