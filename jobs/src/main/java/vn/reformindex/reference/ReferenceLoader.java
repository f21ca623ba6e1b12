package vn.reformindex.reference;

import java.util.HashMap;
import java.util.Map;
import vn.reformindex.core.ExitCode;
import vn.reformindex.core.PipelineException;
import vn.reformindex.io.Storage;

/** Reads units.csv (required), procedures.csv, holidays.csv and column-aliases.csv from the input folder. */
public final class ReferenceLoader {
    private ReferenceLoader() {
    }

    public static ReferenceData load(Storage storage, String inputDir) {
        String unitsFile = Storage.join(inputDir, "units.csv");
        if (!storage.exists(unitsFile)) {
            throw new PipelineException(ExitCode.UNREADABLE_INPUT, unitsFile + ": the unit registry is required and was not found");
        }
        UnitRegistry units = UnitRegistry.from(SmallCsv.read(storage, unitsFile,
                "MaDonVi", "TenDonVi", "CapDonVi", "MaDonViCha"));
        String procFile = Storage.join(inputDir, "procedures.csv");
        ProcedureCatalogue procedures = storage.exists(procFile)
                ? ProcedureCatalogue.from(SmallCsv.read(storage, procFile, "MaTTHC"))
                : ProcedureCatalogue.empty();
        String holFile = Storage.join(inputDir, "holidays.csv");
        HolidayCalendar holidays = storage.exists(holFile)
                ? HolidayCalendar.from(SmallCsv.read(storage, holFile, "Ngay"))
                : HolidayCalendar.absent();
        String aliasFile = Storage.join(inputDir, "column-aliases.csv");
        Map<String, String> aliases = new HashMap<>();
        if (storage.exists(aliasFile)) {
            SmallCsv csv = SmallCsv.read(storage, aliasFile, "TenCot", "CotChuan");
            for (SmallCsv.Row r : csv.rows()) {
                String from = Text.name(r.get("TenCot"));
                String to = Text.name(r.get("CotChuan"));
                if (from == null || to == null) {
                    throw new PipelineException(ExitCode.UNREADABLE_INPUT, aliasFile + ", line " + r.line
                            + ": expected both TenCot and CotChuan");
                }
                aliases.put(from, to);
            }
        }
        return new ReferenceData(units, procedures, holidays, aliases);
    }
}
