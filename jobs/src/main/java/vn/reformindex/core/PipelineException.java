package vn.reformindex.core;

/**
 * A failure the user must act on, with the exit code it maps to. Messages name files, lines and
 * expectations, never a dossier's content.
 */
public class PipelineException extends RuntimeException {
    private final ExitCode exitCode;

    public PipelineException(ExitCode exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public PipelineException(ExitCode exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public ExitCode exitCode() {
        return exitCode;
    }
}
