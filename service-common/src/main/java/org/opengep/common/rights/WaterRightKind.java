package org.opengep.common.rights;

/** The three kinds of water right: between county+ governments, a withdrawal permit's quota, irrigation users'. */
public enum WaterRightKind {
    REGIONAL,
    WITHDRAWAL_PERMIT,
    IRRIGATION
}
