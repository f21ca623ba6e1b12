package vn.reformindex.pipeline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import vn.reformindex.config.RunConfig;
import vn.reformindex.ingest.DataCutOff;
import vn.reformindex.period.Period;
import vn.reformindex.period.PeriodWindow;

/**
 * The periods of a run with their as-of dates: the requested ones (without --period, the year of the data
 * cut-off), then the published ones that changed dossiers can affect, so published figures never go stale
 * silently.
 */
final class RunPeriods {
    private RunPeriods() {
    }

    /** The run's windows; records the cut-off and the windows in the run record. */
    static List<PeriodWindow> resolve(RunConfig config, Dataset<Row> staged, RunManifest manifest, List<Period> recompute) {
        LocalDate cutOff = DataCutOff.compute(staged, config.runDate());
        List<Period> requested = new ArrayList<>(config.periods());
        if (requested.isEmpty()) {
            requested.add(Period.year((cutOff != null ? cutOff : config.runDate()).getYear()));
        }
        for (Period p : recompute) {
            if (!requested.contains(p)) {
                requested.add(p);
            }
        }
        List<PeriodWindow> windows = new ArrayList<>();
        for (Period p : requested) {
            windows.add(new PeriodWindow(p, p.asOf(config.asOf(), cutOff)));
        }
        manifest.dataCutOff(cutOff, windows);
        return windows;
    }

    /** Published periods ending on or after the earliest changed date (none when nothing changed). */
    static List<Period> affected(OutputStore store, LocalDate changedFrom) {
        List<Period> out = new ArrayList<>();
        if (changedFrom == null) {
            return out;
        }
        for (String label : store.publishedPeriodLabels()) {
            Period p = Period.parse(label);
            if (!p.end().isBefore(changedFrom)) {
                out.add(p);
            }
        }
        return out;
    }
}
