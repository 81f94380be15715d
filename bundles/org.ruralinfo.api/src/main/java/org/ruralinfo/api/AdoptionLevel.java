package org.ruralinfo.api;

/** Where an item was adopted (Art. 19(1)). */
public enum AdoptionLevel implements Wire {
    /** 巴州乡村振兴简报 */
    PREFECTURE_BRIEFING,
    /** 自治区乡村振兴局信息刊物 */
    REGION_PUBLICATION,
    /** 自治区党委、政府领导批示 */
    REGION_INSTRUCTION
}
