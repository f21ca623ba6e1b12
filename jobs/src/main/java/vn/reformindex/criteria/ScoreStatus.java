package vn.reformindex.criteria;

/** The statuses of a criterion's score and of a unit's index (the codes in the scores and index tables). */
public final class ScoreStatus {
    private ScoreStatus() {
    }

    public static final String SCORED = "scored";
    public static final String INSUFFICIENT = "insufficient_data";
    public static final String NOT_APPLICABLE = "not_applicable";
    public static final String MANUAL = "manual";
    public static final String MISSING = "missing";
    /** Index only: the unit has no dossier in the period. */
    public static final String NO_DATA = "no_data";
}
