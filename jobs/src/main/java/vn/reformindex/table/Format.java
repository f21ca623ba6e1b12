package vn.reformindex.table;

/**
 * How a column's value is shown to people (reports, notebooks, docs). The stored value is the exact one;
 * a format only decides how it is printed.
 */
public enum Format {
    /** Free text or an identifier, printed as stored. */
    TEXT,
    /** A code from a closed list; the column declares a Vietnamese label for each value (Vietnamese copies show it). */
    CODE,
    /** A period label ({@code 2025-Q2}); Vietnamese copies write it out ({@code Quý II/2025}). */
    PERIOD,
    /** A whole number (a count): {@code 47540}, Vietnamese {@code 47.540}. */
    INTEGER,
    /** A percentage with two decimals, half-up: {@code 36.08}, Vietnamese {@code 36,08}. */
    PERCENT_2,
    /** A ratio with four decimals, half-up. */
    RATIO_4,
    /** Points with two decimals, half-up. */
    POINTS_2,
    /** An exact decimal, printed in full (restatement differences, counts): {@code 47540.5}, Vietnamese {@code 47.540,5}. */
    DECIMAL,
    /** A date ({@code 2020-10-29}, Vietnamese {@code 29/10/2020}) or a time with its date. */
    DATE,
    /** {@code true}/{@code false}, Vietnamese {@code có}/{@code không}. */
    BOOLEAN,
    /** A list of codes, printed as stored. */
    LIST
}
