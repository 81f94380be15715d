package org.ruralinfo.api;

/** Information types (Art. 5, 8). */
public enum ItemType implements Wire {
    /** 工作成效类 */
    WORK_RESULTS,
    /** 经验做法类 */
    EXPERIENCE,
    /** 业务工作信息, departments only */
    BUSINESS,
    /** 调研信息 */
    RESEARCH,
    /** 约稿信息, answers a notice */
    COMMISSIONED,
    /** 重要会议精神、重大决策落实: 3 working days */
    MEETING,
    /** 突发事件、事故、灾情: 2 hours, then follow-ups (续报) */
    EMERGENCY,
    /** 舆情类 */
    OPINION,
    /** 专项组汇总信息, by the group's lead unit */
    GROUP_SUMMARY
}
