package vn.reformindex.core;

/** Process exit codes; documented in docs/exit-codes.md. */
public enum ExitCode {
    OK(0, "success"),
    FAILURE(1, "unexpected internal error (a bug: please report it with the run's _RUN.json)"),
    BAD_ARGUMENTS(2, "bad command-line arguments"),
    UNREADABLE_INPUT(3, "an input file is missing, unreadable, wrongly encoded or lacks a required column"),
    RECONCILIATION_FAILED(4, "records were lost: read != accepted + quarantined + superseded"),
    BAD_CONFIGURATION(5, "a criteria set or reference file is invalid"),
    CHECK_FAILED(6, "an output failed a consistency check (for example the balance identity)");

    public final int code;
    public final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }
}
