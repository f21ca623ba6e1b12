package vn.reformindex.pipeline;

import java.util.List;
import org.apache.spark.sql.SparkSession;
import vn.reformindex.config.RunConfig;
import vn.reformindex.io.Storage;
import vn.reformindex.period.PeriodWindow;
import vn.reformindex.reference.ReferenceData;

/** What every stage may use besides its input tables: the session, settings, reference data, periods. */
public final class StageContext {
    public final SparkSession spark;
    public final RunConfig config;
    public final Storage storage;
    public final ReferenceData reference;
    /** The requested periods with their as-of dates (resolved from the data cut-off after ingest). */
    public final List<PeriodWindow> periods;

    public StageContext(SparkSession spark, RunConfig config, Storage storage, ReferenceData reference,
                        List<PeriodWindow> periods) {
        this.spark = spark;
        this.config = config;
        this.storage = storage;
        this.reference = reference;
        this.periods = List.copyOf(periods);
    }
}
