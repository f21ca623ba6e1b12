package vn.reformindex.pipeline;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * One arrow of the data flow: input tables in, output tables (and reports) out. No I/O inside: the
 * pipeline reads the inputs and writes the outputs.
 */
public interface Stage {
    /** The subcommand name (ingest, facts, summary, score, rank). */
    String name();

    /** Names of the tables this stage reads from earlier stages. */
    List<String> inputs();

    /** Tables this stage uses when an earlier run published them (e.g. the previous ingest's, to add to). */
    default List<String> optionalInputs() {
        return List.of();
    }

    StageOutput run(StageContext context, Map<String, Dataset<Row>> inputs);

    /**
     * Checks the stage's outputs once written (re-read from storage, so checks cost a scan of Parquet,
     * not a recomputation); throws a {@link vn.reformindex.core.PipelineException} to fail the run before
     * anything is published.
     */
    default void verify(StageContext context, Map<String, Dataset<Row>> written, RunManifest manifest) {
    }
}
