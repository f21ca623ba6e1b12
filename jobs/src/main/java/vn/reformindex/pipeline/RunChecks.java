package vn.reformindex.pipeline;

import java.io.IOException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import vn.reformindex.config.RunConfig;
import vn.reformindex.core.ExitCode;
import vn.reformindex.core.PipelineException;
import vn.reformindex.io.Storage;
import vn.reformindex.period.Period;

/**
 * What a run refuses before it does anything (exit code 2, docs/exit-codes.md): folders that would mix
 * inputs and outputs or overwrite something that is not ours, and periods that cannot give meaningful
 * figures.
 */
final class RunChecks {
    /** Characters Hadoop reads as a pattern in a path: such a folder would be read as another one. */
    private static final String GLOB = "[]{}*?\\";

    private RunChecks() {
    }

    static void check(RunConfig config, Storage storage) {
        String input = config.input();
        String output = config.output();
        if (input == null || input.isBlank()) {
            throw bad("--input DIR is required (the unit registry and catalogue are read from it) and must not be empty");
        }
        if (output == null || output.isBlank()) {
            throw bad("--output DIR is required and must not be empty");
        }
        for (String[] p : new String[][]{{"--input", input}, {"--output", output}}) {
            for (char c : p[1].toCharArray()) {
                if (GLOB.indexOf(c) >= 0) {
                    throw bad(p[0] + " " + p[1] + ": the character '" + c + "' is not allowed in a folder name "
                            + "(Hadoop reads [ ] { } * ? \\ as patterns); rename the folder");
                }
            }
        }
        String in = qualified(storage, input);
        String out = qualified(storage, output);
        if (out.equals(in) || out.startsWith(in + "/")) {
            throw bad("--output " + output + " is the input folder or inside it: the next run would read the outputs as "
                    + "inputs; choose a folder outside " + input);
        }
        if (!isEmptyOrEarlierOutput(storage, output)) {
            throw bad("--output " + output + " is not empty and holds no earlier output of reform-index (no _pointers/ or "
                    + "_runs/): choose an empty or new folder, or the folder of an earlier run");
        }
        if (config.official() && config.periods().isEmpty()) {
            throw bad("--official needs the periods to mark, given with --period");
        }
        if (config.asOf() != null) {
            for (Period p : config.periods()) {
                if (config.asOf().isBefore(p.start())) {
                    throw bad("--as-of " + config.asOf() + " is before the start of period " + p.label() + " ("
                            + p.start() + "): nothing of the period would be counted");
                }
            }
        }
    }

    private static boolean isEmptyOrEarlierOutput(Storage storage, String output) {
        try {
            Path p = new Path(output);
            var fs = storage.fs(output);
            if (!fs.exists(p)) {
                return true;
            }
            if (!fs.getFileStatus(p).isDirectory()) {
                return false;
            }
            FileStatus[] children = fs.listStatus(p);
            if (children.length == 0) {
                return true;
            }
            for (FileStatus c : children) {
                String n = c.getPath().getName();
                if (n.equals("_pointers") || n.equals("_runs")) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new PipelineException(ExitCode.UNREADABLE_INPUT, output + ": cannot be read (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static String qualified(Storage storage, String uri) {
        try {
            String q = storage.qualify(uri);
            return q.endsWith("/") ? q.substring(0, q.length() - 1) : q;
        } catch (IOException | IllegalArgumentException e) {
            throw bad(uri + ": not a valid folder (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static PipelineException bad(String message) {
        return new PipelineException(ExitCode.BAD_ARGUMENTS, message);
    }
}
