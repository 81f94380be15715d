package org.ruralinfo.intake;

import org.ruralinfo.api.Wire;

/** The actions of the workflow (API v1 {@code POST /api/v1/items/{id}/transitions}). */
public enum Action implements Wire {
    /** officer: to the unit's reviewer */
    SUBMIT,
    /** reviewer: reviewed, with the confidentiality check (保密审查, Art. 7) */
    APPROVE,
    /** signer: signed off (签发) and so sent to the prefecture (Art. 7) */
    SIGN,
    /** reviewer, signer or editor: back to the officer, with a comment */
    RETURN,
    /** editor: screened in, counts */
    ACCEPT,
    /** editor: refused, with a reason (Art. 7(5)) */
    REJECT,
    /** editor: qualifying research (有质量的调研信息, Art. 6, 19(1)) */
    QUALIFY,
    /** editor: sent on to the regional bureau (Art. 12, 16) */
    FORWARD
}
