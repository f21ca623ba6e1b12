package vn.reformindex.reference;

import java.io.Serializable;
import java.util.Map;

/** The small reference tables of a run, read on the driver and broadcast to the tasks. */
public final class ReferenceData implements Serializable {
    private static final long serialVersionUID = 1L;

    public final UnitRegistry units;
    public final ProcedureCatalogue procedures;
    public final HolidayCalendar holidays;
    /** Alias column name (as in a province's export) to the contract's column name. */
    public final Map<String, String> columnAliases;

    public ReferenceData(UnitRegistry units, ProcedureCatalogue procedures, HolidayCalendar holidays,
                         Map<String, String> columnAliases) {
        this.units = units;
        this.procedures = procedures;
        this.holidays = holidays;
        this.columnAliases = Map.copyOf(columnAliases);
    }
}
