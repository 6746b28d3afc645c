package org.opengep.registry.rules;

/** The three kinds of water right: between county+ governments, a withdrawal permit's quota, irrigation users'. */
public enum WaterRightKind {
    REGIONAL,
    WITHDRAWAL_PERMIT,
    IRRIGATION
}
