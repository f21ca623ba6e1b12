package vn.reformindex.config;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import vn.reformindex.period.Period;

/** What one run was asked to do, as immutable values. Built by the command line or by tests. */
public final class RunConfig {
    private final String command;
    private final String input;
    private final String output;
    private final List<Period> periods;
    private final LocalDate asOf;
    private final LocalDate runDate;
    private final String master;
    private final String criteriaSet;
    private final List<String> arguments;
    private final boolean fullIngest;
    private final boolean official;
    private final boolean restate;
    private final Integer draws;
    private final boolean noUncertainty;

    private RunConfig(Builder b) {
        this.draws = b.draws;
        this.noUncertainty = b.noUncertainty;
        this.fullIngest = b.fullIngest;
        this.official = b.official;
        this.restate = b.restate;
        this.command = Objects.requireNonNull(b.command, "command");
        this.input = b.input;
        this.output = b.output;
        this.periods = List.copyOf(b.periods);
        this.asOf = b.asOf;
        this.runDate = b.runDate == null ? LocalDate.now() : b.runDate;
        this.master = b.master;
        this.criteriaSet = b.criteriaSet;
        this.arguments = List.copyOf(b.arguments);
    }

    public static Builder builder(String command) {
        return new Builder(command);
    }

    public String command() { return command; }
    /** Input folder URI (local path, hdfs://, s3a://). */
    public String input() { return input; }
    /** Output folder URI. */
    public String output() { return output; }
    public List<Period> periods() { return periods; }
    /** The --as-of date, or null. */
    public LocalDate asOf() { return asOf; }
    /** The day of the run: data after it does not move the cut-off. */
    public LocalDate runDate() { return runDate; }
    /** The --master given on the command line, or null. */
    public String master() { return master; }
    /** Path or id of the criteria set, or null for the default. */
    public String criteriaSet() { return criteriaSet; }
    /** --full: re-read every input file instead of only the new ones. */
    public boolean fullIngest() { return fullIngest; }
    /** The arguments as given, for _RUN.json. */
    public List<String> arguments() { return arguments; }
    /** --official: mark the requested periods' figures of this run as the official ones. */
    public boolean official() { return official; }
    /** --restate: replace official figures that this run recomputed (otherwise they are kept). */
    public boolean restate() { return restate; }
    /** --draws: the number of rank-interval draws instead of the set's (null: the set's). */
    public Integer draws() { return draws; }
    /** --no-uncertainty: no rank intervals in this run. */
    public boolean noUncertainty() { return noUncertainty; }

    public Builder toBuilder() {
        Builder b = new Builder(command).input(input).output(output).asOf(asOf).runDate(runDate)
                .master(master).criteriaSet(criteriaSet).arguments(arguments).fullIngest(fullIngest)
                .official(official).restate(restate).draws(draws).noUncertainty(noUncertainty);
        periods.forEach(b::period);
        return b;
    }

    public static final class Builder {
        private String command;
        private String input;
        private String output;
        private final java.util.ArrayList<Period> periods = new java.util.ArrayList<>();
        private LocalDate asOf;
        private LocalDate runDate;
        private String master;
        private String criteriaSet;
        private List<String> arguments = List.of();
        private boolean fullIngest;
        private boolean official;
        private boolean restate;
        private Integer draws;
        private boolean noUncertainty;

        private Builder(String command) { this.command = command; }

        public Builder command(String v) { this.command = v; return this; }
        public Builder input(String v) { this.input = v; return this; }
        public Builder output(String v) { this.output = v; return this; }
        public Builder period(Period p) { if (!periods.contains(p)) { periods.add(p); } return this; }
        public Builder asOf(LocalDate v) { this.asOf = v; return this; }
        public Builder runDate(LocalDate v) { this.runDate = v; return this; }
        public Builder master(String v) { this.master = v; return this; }
        public Builder criteriaSet(String v) { this.criteriaSet = v; return this; }
        public Builder arguments(List<String> v) { this.arguments = List.copyOf(v); return this; }
        public Builder fullIngest(boolean v) { this.fullIngest = v; return this; }
        public Builder official(boolean v) { this.official = v; return this; }
        public Builder restate(boolean v) { this.restate = v; return this; }
        public Builder draws(Integer v) { this.draws = v; return this; }
        public Builder noUncertainty(boolean v) { this.noUncertainty = v; return this; }
        public RunConfig build() { return new RunConfig(this); }
    }
}
