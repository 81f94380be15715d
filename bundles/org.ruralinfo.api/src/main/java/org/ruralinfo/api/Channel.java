package org.ruralinfo.api;

/** Publicity channel: news papers (附件二) or online sites and accounts (附件三), Art. 19(2)/(3). */
public enum Channel implements Wire {
    NEWS,
    ONLINE
}
