package org.ruralinfo.exchange.internal;

/** Maximum lengths, in characters, of the text fields of the format. */
final class TextLimits {
    /** ids and references to them, the prefecture, issues and manuscripts */
    static final int ID = 100;
    /** names of units, groups and outlets */
    static final int NAME = 200;
    /** titles of items, notices and publicity */
    static final int TITLE = 500;
    /** a notice's requirements */
    static final int REQUIREMENTS = 20_000;
    /** an item's body */
    static final int BODY = 200_000;
    /** the level code of an instructing leader on an adoption ({@code secretary}, {@code vice_chairman} …) */
    static final int LEADER = 50;

    private TextLimits() {
    }
}
