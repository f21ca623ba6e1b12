package vn.reformindex.pipeline;

import java.io.IOException;
import org.apache.logging.log4j.LogManager;
import vn.reformindex.core.ExitCode;
import vn.reformindex.core.PipelineException;

/**
 * The one error boundary of a run: whatever went wrong becomes a {@link PipelineException} with a one-line
 * cause and a documented exit code. Messages never quote an exception's text that could carry record
 * content (Spark's own messages may quote a raw line): only our messages, file-system messages (paths) and
 * exception class names pass; the whole stack trace goes to the log.
 */
final class Failures {
    private Failures() {
    }

    static PipelineException classify(Throwable t, String output) {
        if (t instanceof PipelineException pe) {
            return pe;
        }
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof PipelineException pe) {
                return pe; // raised inside a Spark task and wrapped on the way back
            }
        }
        LogManager.getLogger(Failures.class).error("run failed", t);
        IOException io = ioCause(t);
        if (io != null) {
            return new PipelineException(ExitCode.UNREADABLE_INPUT, output + ": cannot write outputs ("
                    + io.getClass().getSimpleName() + ": " + firstLine(io.getMessage()) + ")", t);
        }
        if (t instanceof OutOfMemoryError) {
            return new PipelineException(ExitCode.FAILURE, "out of memory: give the driver more memory "
                    + "(REFORM_INDEX_MEMORY, or spark-submit --driver-memory) or the executors more; see the log", t);
        }
        if (t instanceof StackOverflowError) {
            return new PipelineException(ExitCode.FAILURE, "internal error: stack overflow; see the log", t);
        }
        return new PipelineException(ExitCode.FAILURE, "internal error " + t.getClass().getName() + "; see the log for the stack trace", t);
    }

    /** A file-system failure in the cause chain (not a data problem): permissions, missing or full disk. */
    private static IOException ioCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof IOException io && (io instanceof java.nio.file.AccessDeniedException
                    || io instanceof java.nio.file.FileSystemException || io instanceof java.io.FileNotFoundException
                    || io.getClass().getName().startsWith("org.apache.hadoop") || String.valueOf(io.getMessage()).contains("Mkdirs failed")
                    || String.valueOf(io.getMessage()).contains("Permission denied"))) {
                return io;
            }
        }
        return null;
    }

    private static String firstLine(String s) {
        String m = String.valueOf(s);
        String line = m.lines().findFirst().orElse(m);
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }
}
