package org.ruralinfo.api;

/** The level of a publicity outlet, Art. 19(2)/(3). */
public enum OutletLevel implements Wire {
    NATIONAL,
    REGION,
    PREFECTURE
}
