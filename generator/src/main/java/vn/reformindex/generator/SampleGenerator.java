package vn.reformindex.generator;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Writes a deterministic synthetic province (H99) in the input contract: units, procedures, holidays,
 * manual scores and dossier records (CSV, sync JSON Lines, one file of broken records). Same seed and size,
 * same bytes: only seeded SplittableRandom, sorted maps, fixed dates and Locale.ROOT formatting.
 */
public final class SampleGenerator {
    public static final long DEFAULT_SEED = 766;
    public static final int DEFAULT_DOSSIERS = 52000;
    /** Dossiers of the commune with fewer than 20 dossiers. */
    static final int SMALL_UNIT_DOSSIERS = 15;
    /** Dossiers sent under the merged commune's code after its merger. */
    static final int MERGED_AFTER = 24;
    static final double JSON_SHARE = 0.07;
    static final double RESYNC_SHARE = 0.011;
    static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd", Locale.ROOT);

    private final long seed;
    private final int dossiers;
    private final Province p = new Province();
    private final Map<String, List<Dossier>> files = new TreeMap<>();
    private long resyncs;

    private SampleGenerator(long seed, int dossiers) {
        this.seed = seed;
        this.dossiers = dossiers;
    }

    public static GeneratedFiles generate(Path out, long seed, int dossiers) throws IOException {
        return new SampleGenerator(seed, dossiers).run(out);
    }

    private GeneratedFiles run(Path out) throws IOException {
        InputFolder folder = new InputFolder(out);
        ReferenceFiles.write(folder, p, p.units, seed, 1000);
        dossiers();
        for (Map.Entry<String, List<Dossier>> e : files.entrySet()) {
            List<Dossier> list = e.getValue();
            list.sort(Comparator.comparing(Dossier::firstDate).thenComparing(d -> d.code)
                    .thenComparing(d -> d.updated));
            String name = e.getKey();
            try (InputFolder.DossierFile f = name.endsWith(".jsonl") ? folder.jsonDossiers(name)
                    : folder.csvDossiers(name, writerFor(name))) {
                for (Dossier d : list) {
                    f.add(d);
                }
            }
        }
        BrokenRecords.write(folder, p, BrokenRecords.Shape.sample(), new SplittableRandom(seed * 31 + 999_983));
        folder.result.dossiers = dossiers;
        folder.result.resyncs = resyncs;
        return folder.result;
    }

    private static DossierWriter writerFor(String file) {
        if (file.contains("/huyen-")) {
            return new DossierWriter(DossierWriter.DASHED, true);
        }
        if (file.contains("/xa-2024-h1")) {
            return new DossierWriter(DossierWriter.DMY, false);
        }
        return new DossierWriter(DossierWriter.COMPACT, false);
    }

    // ---------------------------------------------------------------- dossiers

    private void dossiers() {
        List<Province.Unit> active = new ArrayList<>();
        double total = 0;
        for (Province.Unit u : p.units) {
            if (u.level.equals("TINH") || u.code.equals(Province.VO_DIEM)) {
                continue;
            }
            active.add(u);
            total += effectiveWeight(u);
        }
        int regular = dossiers - SMALL_UNIT_DOSSIERS - MERGED_AFTER;
        int[] counts = new int[active.size()];
        int assigned = 0;
        for (int i = 0; i < active.size(); i++) {
            counts[i] = (int) Math.floor(regular * effectiveWeight(active.get(i)) / total);
            assigned += counts[i];
        }
        for (int i = 0; assigned < regular; i = (i + 1) % counts.length) {
            counts[i]++;
            assigned++;
        }
        for (int i = 0; i < active.size(); i++) {
            Province.Unit u = active.get(i);
            unitDossiers(u, u, Province.START, u.lastDossierDay(), counts[i], p.units.indexOf(u));
        }
        Province.Unit small = p.unit(Province.VO_DIEM);
        unitDossiers(small, small, Province.START, Province.END_DATE, SMALL_UNIT_DOSSIERS, p.units.indexOf(small));
        // the merged commune's code still used after the merger: attributed to its successor by the pipeline
        Province.Unit merged = p.unit(Province.DAO_DUC);
        unitDossiers(merged, p.unit(Province.VIET_LAM), Province.DISTRICT_END.plusDays(1), Province.END_DATE,
                MERGED_AFTER, 1000);
    }

    private double effectiveWeight(Province.Unit u) {
        double days = Duration.between(Province.START.atStartOfDay(), u.lastDossierDay().plusDays(1).atStartOfDay()).toDays();
        return u.weight * days / 731.0;
    }

    /** Dossiers of one unit (written under {@code u}'s code; {@code model} gives the shares). */
    private void unitDossiers(Province.Unit u, Province.Unit model, LocalDate from, LocalDate to, int count, int stream) {
        SplittableRandom r = new SplittableRandom(seed * 1_000_003L + stream * 7_919L);
        List<LocalDate> days = p.workingDays(from, to);
        List<Province.Procedure> procs = p.proceduresFor(u.level.equals("XA") ? u : u);
        List<Dossier> list = new ArrayList<>(count);
        List<Dossier> old = new ArrayList<>();
        List<Boolean> json = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            LocalDate day = days.get(r.nextInt(days.size()));
            Province.Procedure proc = procs.get(Math.min(r.nextInt(procs.size()), r.nextInt(procs.size())));
            Dossier d = dossier(p, u, model, day, proc, r);
            list.add(d);
            json.add(r.nextDouble() < JSON_SHARE);
        }
        // codes in receipt order
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing((Integer i) -> list.get(i).firstDate()).thenComparing(i -> i));
        int seq = stream == 1000 ? 500_000 : 0;
        for (int i : order) {
            Dossier d = list.get(i);
            seq++;
            d.code = u.code + "-" + YYMMDD.format(d.firstDate()) + "-" + String.format(Locale.ROOT, "%06d", seq);
        }
        String group = u.level.equals("SO") ? "so" : u.level.equals("HUYEN") ? "huyen" : "xa";
        for (int i : order) {
            Dossier d = list.get(i);
            boolean inJson = json.get(i);
            boolean resync = !inJson && (d.status == 9 || d.status == 10) && d.ended != null
                    && Duration.between(d.received, d.ended).toHours() >= 24 && r.nextDouble() < RESYNC_SHARE / 0.85;
            if (inJson && r.nextDouble() < 0.05) {
                d.unit = ""; // unit from the MaHoSo prefix
            }
            if (resync) {
                Dossier older = olderVersion(d, r);
                resyncs++;
                file(csvName(group, older.firstDate())).add(older);
                file(jsonName(d.updated)).add(d);
            } else if (inJson) {
                file(jsonName(d.firstDate())).add(d);
            } else {
                file(csvName(group, d.firstDate())).add(d);
            }
        }
    }

    private List<Dossier> file(String name) {
        return files.computeIfAbsent(name, k -> new ArrayList<>());
    }

    private static String half(LocalDateTime t) {
        return t.getYear() + "-h" + (t.getMonthValue() <= 6 ? 1 : 2);
    }

    private static String csvName(String group, LocalDateTime t) {
        return "dossiers/" + group + "-" + half(t) + ".csv";
    }

    private static String jsonName(LocalDateTime t) {
        return t.getYear() == 2024 ? "dossiers/sync-2024.jsonl" : "dossiers/sync-" + half(t) + ".jsonl";
    }

    private static LocalDateTime plusMinutes(LocalDateTime t, long minutes) {
        return t.plusMinutes(minutes);
    }

    /** Moves a staff action into office hours (07:30-17:00 on a working day), never earlier. */
    static LocalDateTime office(Province p, LocalDateTime t) {
        int minute = t.getHour() * 60 + t.getMinute();
        if (p.working(t.toLocalDate()) && minute >= 450 && minute <= 1020) {
            return t;
        }
        LocalDate day = t.toLocalDate();
        if (!(p.working(day) && minute < 450)) {
            day = p.addWorkingDays(day, 1);
        }
        return day.atTime(7, 30).plusMinutes(minute % 180).withSecond(t.getSecond());
    }

    private static long between(LocalDateTime a, LocalDateTime b) {
        return Duration.between(a, b).toMinutes();
    }

    private static long range(SplittableRandom r, long lo, long hi) {
        return hi <= lo ? lo : lo + r.nextLong(hi - lo + 1);
    }

    static Dossier dossier(Province p, Province.Unit u, Province.Unit model, LocalDate day, Province.Procedure proc,
            SplittableRandom r) {
        Dossier d = new Dossier();
        d.unit = u.code;
        d.procedure = proc.code;
        d.field = proc.field;
        LocalDateTime received = day.atTime(7, 30).plusMinutes(r.nextInt(540)).plusSeconds(r.nextInt(60));
        double c = r.nextDouble() * 100;
        d.channel = c < model.onlinePct ? 2 : c < model.onlinePct + 2 ? 3 : 1;
        d.level = r.nextDouble() < 0.1 ? "" : Integer.toString(d.channel == 2 ? proc.mucDo : Math.min(proc.mucDo, 3));
        double a = r.nextDouble();
        d.applicant = proc.citizen == 1 ? (a < 0.9 ? 1 : a < 0.97 ? 2 : 4) : (a < 0.75 ? 2 : a < 0.9 ? 1 : a < 0.97 ? 3 : 4);
        d.person = Names.person(r, 1950 + r.nextInt(56), r.nextDouble() < 0.3);
        d.synced = r.nextDouble() < 0.97 ? "1" : "0";
        boolean unknownSync = u.level.equals("HUYEN") || (day.getYear() == 2024 && day.getMonthValue() <= 6 && u.level.equals("XA"));
        if (unknownSync && r.nextDouble() < 0.12) {
            d.synced = "";
        }
        d.documents = 1 + r.nextInt(3);
        double online = model.onlinePct / 100.0;
        if (d.channel == 2) {
            d.submitted = received.minusMinutes(10 + r.nextInt(40 * 60));
        } else if (d.channel == 3) {
            d.submitted = received.minusDays(2 + r.nextInt(4)).withHour(9);
        }
        double s = r.nextDouble();
        if (s < 0.005) { // registered online, never received
            d.status = 1;
            d.channel = 2;
            d.submitted = received;
            d.updated = received;
            return d;
        }
        if (s < 0.015) { // refused at intake
            d.status = 3;
            if (d.submitted == null) {
                d.submitted = received;
            }
            d.refused = office(p, received.plusMinutes(30 + r.nextInt(6 * 60)));
            d.updated = d.refused;
            return d;
        }
        d.received = received;
        d.due = p.due(received, proc);
        d.digitized = r.nextDouble() < 0.35 + 0.6 * online ? 1 : 0;
        d.reused = d.digitized == 1 && r.nextDouble() < 0.35 ? 1 : 0;
        d.fromStore = d.digitized == 1 && r.nextDouble() < 0.2 ? 1 : 0;
        d.vneid = d.channel == 2 && r.nextDouble() < 0.85 ? 1 : 0;
        if (proc.fee > 0) {
            d.fee = proc.fee * (r.nextDouble() < 0.1 ? 2 : 1);
            if (d.channel == 2) {
                double q = r.nextDouble();
                d.payment = q < 0.5 ? 1 : q < 0.8 ? 2 : 0;
            }
        }
        d.feedback = r.nextDouble() < 0.01 ? 1 : 0;
        long toDue = between(received, d.due);
        if (s < 0.025) { // withdrawn
            d.status = 7;
            d.ended = office(p, plusMinutes(received, range(r, 60, Math.max(60, toDue * 8 / 10))));
            if (d.ended.isAfter(Province.CUT_OFF)) {
                d.ended = null;
                d.status = 4;
            }
            d.updated = d.latestEvent();
            return d;
        }
        if (s < 0.030) { // processing stopped
            d.status = 8;
            d.refused = office(p, plusMinutes(received, range(r, 60, Math.max(60, toDue * 8 / 10))));
            if (d.refused.isAfter(Province.CUT_OFF)) {
                d.refused = null;
                d.status = 4;
            }
            d.updated = d.latestEvent();
            return d;
        }
        // processing: planned end by outcome
        LocalDateTime planned;
        double o = r.nextDouble() * 100;
        LocalDate dueDay = d.due.toLocalDate();
        boolean late = o < model.latePct;
        if (late) {
            planned = p.addWorkingDays(dueDay, 1 + r.nextInt(8)).atTime(7, 30).plusMinutes(r.nextInt(560));
        } else if (o < model.latePct + 15 || !dueDay.isAfter(received.toLocalDate())) {
            planned = dueDay.atTime(7, 30).plusMinutes(r.nextInt(570));
            if (!planned.isAfter(received)) {
                planned = plusMinutes(received, range(r, 20, Math.max(20, between(received, d.due))));
            }
        } else {
            long span = between(received, dueDay.atStartOfDay());
            planned = plusMinutes(received, range(r, Math.max(20, span / 20), Math.max(20, span * 9 / 10)));
        }
        // supplement rounds: fewer for short procedures; the citizen's waiting time fits inside a long
        // processing window (the unit still ends as planned), otherwise it pushes the end past the plan
        double k = r.nextDouble();
        boolean shortProc = !proc.unit.equals(Province.CD) && proc.limit <= 3;
        int rounds = shortProc ? (k < 0.002 ? 2 : k < 0.015 ? 1 : 0) : (k < 0.015 ? 2 : k < 0.13 ? 1 : 0);
        LocalDateTime t = received;
        long span = Math.max(120, between(received, planned));
        boolean fits = !late && span / 60 >= 48L * (rounds + 1);
        int waited = 0;
        for (int i = 0; i < rounds; i++) {
            int hours = 24 + r.nextInt(97);
            if (fits) {
                hours = (int) Math.max(24, Math.min(hours, span / 60 * 6 / 10 / rounds));
            }
            LocalDateTime req = plusMinutes(t, range(r, 60, Math.max(60, fits ? span / (rounds + 2) - hours * 60L : span / (rounds + 1))));
            d.rounds.add(new Dossier.Round(req, req.plusHours(hours), hours));
            waited += hours;
            t = req.plusHours(hours);
        }
        LocalDateTime end = fits ? planned : planned.plusHours(waited);
        if (end.isBefore(t)) {
            end = t.plusHours(2);
        }
        end = office(p, end);
        LocalDate receivedDay = received.toLocalDate();
        boolean q4 = receivedDay.isAfter(LocalDate.of(2025, 9, 30));
        boolean stalled;
        double st = r.nextDouble();
        if (u.code.equals(Province.TUNG_BA)) {
            stalled = q4 && receivedDay.isBefore(LocalDate.of(2025, 12, 15)) && st < 0.36;
        } else {
            stalled = q4 ? st < 0.08 : receivedDay.isAfter(Province.DISTRICT_END) && st < 0.06;
        }
        if (stalled || end.isAfter(Province.CUT_OFF)) {
            // open at the cut-off
            List<Dossier.Round> kept = new ArrayList<>();
            boolean pending = false;
            for (Dossier.Round x : d.rounds) {
                if (stalled || x.requested.isAfter(Province.CUT_OFF)) {
                    continue;
                }
                if (x.received.isAfter(Province.CUT_OFF)) {
                    kept.add(new Dossier.Round(x.requested, null, x.hours));
                    pending = true;
                } else {
                    kept.add(x);
                }
            }
            d.rounds = kept;
            if (pending) {
                d.status = 5;
            } else if (d.fee > 0 && r.nextDouble() < 0.15) {
                d.status = 6;
            } else if (Duration.between(received, Province.CUT_OFF).toDays() < 2 && r.nextDouble() < 0.4) {
                d.status = 2;
            } else {
                d.status = 4;
            }
            LocalDateTime latest = d.latestEvent();
            if (stalled) {
                LocalDateTime touched = office(p, received.plusMinutes(30 + r.nextInt(5 * 24 * 60)));
                latest = touched.isAfter(Province.CUT_OFF) ? latest : touched;
                if (d.status == 4 && r.nextDouble() < 0.15) { // waiting for the citizen's supplement
                    d.rounds.add(new Dossier.Round(latest, null, 0));
                    d.status = 5;
                }
            }
            d.updated = latest;
            return d;
        }
        d.ended = end;
        LocalDateTime returned = office(p, end.plusMinutes(r.nextInt(72 * 60)));
        if (returned.isAfter(Province.CUT_OFF) || r.nextDouble() < 0.15) {
            d.status = 9;
        } else {
            d.status = 10;
            d.returned = returned;
            if (r.nextDouble() < 0.02 && returned.toLocalDate().equals(end.toLocalDate())) {
                d.ended = null; // end taken from NgayTra
            }
        }
        if (end.toLocalDate().isAfter(dueDay) && r.nextDouble() < 0.7) {
            d.apology = 1;
        }
        d.electronicResult = r.nextDouble() < 0.3 + 0.5 * online ? 1 : 0;
        if (r.nextDouble() < 0.2) {
            LocalDateTime base = d.returned != null ? d.returned : end;
            LocalDateTime rated = base.plusMinutes(10 + r.nextInt(72 * 60));
            if (!rated.isAfter(Province.CUT_OFF)) {
                d.rated = rated;
                double q = r.nextDouble();
                d.rating = q < 0.8 ? "1" : q < 0.97 ? "2" : "3";
            }
        }
        d.updated = d.latestEvent();
        return d;
    }

    /** An earlier sync of a resolved dossier: still processing at some point between receipt and end. */
    static Dossier olderVersion(Dossier d, SplittableRandom r) {
        Dossier o = new Dossier();
        o.code = d.code;
        o.unit = d.unit;
        o.procedure = d.procedure;
        o.field = d.field;
        o.channel = d.channel;
        o.level = d.level;
        o.applicant = d.applicant;
        o.submitted = d.submitted;
        o.received = d.received;
        o.due = d.due;
        o.synced = d.synced;
        o.digitized = d.digitized;
        o.reused = d.reused;
        o.fromStore = d.fromStore;
        o.vneid = d.vneid;
        o.payment = d.payment;
        o.fee = d.fee;
        o.documents = d.documents;
        o.person = d.person;
        long span = between(d.received, d.ended);
        o.updated = plusMinutes(d.received, range(r, span / 5, span * 4 / 5));
        boolean pending = false;
        for (Dossier.Round x : d.rounds) {
            if (x.requested.isAfter(o.updated)) {
                continue;
            }
            if (x.received.isAfter(o.updated)) {
                o.rounds.add(new Dossier.Round(x.requested, null, x.hours));
                pending = true;
            } else {
                o.rounds.add(x);
            }
        }
        o.status = pending ? 5 : 4;
        return o;
    }
}
