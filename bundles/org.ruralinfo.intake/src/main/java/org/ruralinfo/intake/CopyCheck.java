package org.ruralinfo.intake;

import java.time.Instant;

/**
 * The closest earlier item found by the copy check on submission (Art. 7(5), 不得照抄照搬), when it is at
 * least as similar as the configured threshold.
 *
 * @param similarity Jaccard similarity of the character 3-gram sets, 0..1
 * @param overlap    the longest passage of this item's body also found in the other
 */
public record CopyCheck(String similarTo, double similarity, String overlap, Instant checkedAt) {
}
