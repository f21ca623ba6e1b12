package vn.reformindex.stage;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import vn.reformindex.config.RunConfig;
import vn.reformindex.criteria.CriteriaSet;
import vn.reformindex.io.Storage;
import vn.reformindex.period.PeriodWindow;
import vn.reformindex.reference.ReferenceData;

/**
 * Everything a run's stages share besides their tables, resolved once by the runner: the session, the
 * settings, the reference data, the criteria set (loaded and validated before the first stage when a stage
 * uses it) and the periods with their as-of dates (resolved from the data cut-off before the first stage
 * that uses them: after ingest, when the run ingests).
 */
public final class RunContext {
    public final SparkSession spark;
    public final RunConfig config;
    public final Storage storage;
    public final ReferenceData reference;
    private final CriteriaSet criteriaSet;
    private final List<PeriodWindow> periods;

    public RunContext(SparkSession spark, RunConfig config, Storage storage, ReferenceData reference,
                      CriteriaSet criteriaSet, List<PeriodWindow> periods) {
        this.spark = spark;
        this.config = config;
        this.storage = storage;
        this.reference = reference;
        this.criteriaSet = criteriaSet;
        this.periods = periods == null ? null : List.copyOf(periods);
    }

    /** The same context with the run's periods, once resolved. */
    public RunContext withPeriods(List<PeriodWindow> resolved) {
        if (periods != null) {
            throw new IllegalStateException("the run's periods are resolved once");
        }
        return new RunContext(spark, config, storage, reference, criteriaSet, resolved);
    }

    public boolean periodsResolved() {
        return periods != null;
    }

    /** The run's periods with their as-of dates. */
    public List<PeriodWindow> periods() {
        if (periods == null) {
            throw new IllegalStateException("the run's periods are not resolved yet (a stage that uses them must say so)");
        }
        return periods;
    }

    /** The run's period labels, in order. */
    public List<String> periodLabels() {
        List<String> out = new ArrayList<>();
        periods().forEach(w -> out.add(w.label()));
        return out;
    }

    /** Whether a stage of the run uses a criteria set (and so one was loaded). */
    public boolean criteriaSetLoaded() {
        return criteriaSet != null;
    }

    /** The criteria set of the run. */
    public CriteriaSet criteriaSet() {
        if (criteriaSet == null) {
            throw new IllegalStateException("no criteria set was loaded (a stage that uses it must say so)");
        }
        return criteriaSet;
    }
}
