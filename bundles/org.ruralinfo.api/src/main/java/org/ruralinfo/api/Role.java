package org.ruralinfo.api;

/** What a user may do (API v1). */
public enum Role implements Wire {
    /** 信息员: drafts for one unit */
    OFFICER,
    /** unit-level review and confidentiality check */
    REVIEWER,
    /** unit principal, 签发 */
    SIGNER,
    /** prefecture 宣教统计科: screening, adoption, commissioning, supervision, scoring */
    EDITOR,
    /** IT: users, units, calendar, outlets, policies */
    ADMIN
}
