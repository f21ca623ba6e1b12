package vn.reformindex.stage;

import java.util.List;
import vn.reformindex.table.TableDecl;

/**
 * One arrow of the data flow, as an action: it declares the tables it reads and writes, plans its output
 * tables as lazy frames from its inputs, and checks them once written. It reads no table and writes
 * nothing itself: the runner reads the declared inputs (written earlier in the run, or published), writes
 * and publishes the outputs. Its only other I/O is its own source, if any (ingest reads the input files).
 * The runner orders stages by these declarations.
 */
public interface Stage {
    /** The subcommand that runs this stage alone (ingest, facts, summary, score, rank). */
    String name();

    /** Tables the stage needs, from earlier stages of the run or published by an earlier run. */
    List<TableDecl> inputs();

    /** Tables the stage uses when they exist (e.g. the previous ingest's, to add to). */
    default List<TableDecl> optionalInputs() {
        return List.of();
    }

    /** Tables the stage writes (a run may write fewer, e.g. an ingest with nothing new to read). */
    List<TableDecl> outputs();

    /** Whether the stage works on the run's periods (which are resolved from the staged dossiers). */
    default boolean usesPeriods() {
        return true;
    }

    /** Whether the stage uses the criteria set (loaded and validated before the first stage). */
    default boolean usesCriteriaSet() {
        return false;
    }

    /**
     * The reports the stage cuts from its written tables (the same ones {@link #plan} returns), so that the
     * {@code report} command can rebuild them from the published tables without running the stage.
     */
    default List<vn.reformindex.report.Report> reports(vn.reformindex.criteria.CriteriaSet set) {
        return List.of();
    }

    /** The stage's output tables and reports, as lazy frames over its inputs. */
    StageOutput plan(RunContext context, StageInputs inputs);

    /**
     * Checks the stage's outputs once written (re-read from storage, so a check scans Parquet instead of
     * recomputing); a failed check stops the run before anything is published.
     */
    default Verification verify(RunContext context, StageInputs written) {
        return Verification.none();
    }
}
