package vn.reformindex.stage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.reformindex.core.ExitCode;

/** The checks a stage ran on its written outputs, and what they found for the run record. */
public final class Verification {
    /** One check: what was checked, whether it held, and if not, the exit code and what broke. */
    public record Check(String name, boolean passed, ExitCode failure, String detail) {
    }

    private final List<Check> checks = new ArrayList<>();
    private final Map<String, Object> notes = new LinkedHashMap<>();

    public static Verification none() {
        return new Verification();
    }

    public Verification check(String name, boolean passed, ExitCode failure, String detail) {
        checks.add(new Check(name, passed, failure, detail));
        return this;
    }

    public Verification note(String key, Object value) {
        notes.put(key, value);
        return this;
    }

    public List<Check> checks() { return checks; }
    public Map<String, Object> notes() { return notes; }
}
