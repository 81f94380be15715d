package org.ruralinfo.api;

/** The three kinds of reporting unit, ranked separately (Art. 3). */
public enum UnitKind implements Wire {
    /** 各县市乡村振兴局 */
    COUNTY,
    /** 领导小组成员单位 */
    MEMBER,
    /** 州乡村振兴局各科室 */
    DEPARTMENT
}
