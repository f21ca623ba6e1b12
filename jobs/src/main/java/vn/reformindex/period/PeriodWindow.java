package vn.reformindex.period;

import java.io.Serializable;
import java.time.LocalDate;

/** A requested period with its as-of date resolved (definitions.md, Time). */
public final class PeriodWindow implements Serializable {
    private static final long serialVersionUID = 1L;

    public final Period period;
    public final LocalDate asOf;

    public PeriodWindow(Period period, LocalDate asOf) {
        this.period = period;
        this.asOf = asOf;
    }

    public String label() { return period.label(); }
    public LocalDate start() { return period.start(); }
    public LocalDate end() { return period.end(); }

    @Override
    public String toString() {
        return period.label() + " (as of " + asOf + ")";
    }
}
