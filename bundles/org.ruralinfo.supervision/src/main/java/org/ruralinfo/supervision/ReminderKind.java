package org.ruralinfo.supervision;

import org.ruralinfo.api.Wire;

/** Art. 10: 电话催办 (logged) and 催办通知 (a written notice). */
public enum ReminderKind implements Wire {
    PHONE,
    NOTICE
}
