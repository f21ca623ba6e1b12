package vn.reformindex.generator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * National-scale mode of the generator: the 34-province registry ({@link NationalRegistry}), the sample's
 * procedure catalogue and holiday calendar, and any number of dossiers split into a fixed number of part
 * files. Each part is generated from its own random stream (seed, part index) and streamed to its own file,
 * so the bytes depend on the seed, the number of dossiers and the number of parts, never on the threads.
 */
public final class NationalGenerator {
    /** How far (in records of the same part) the final version of a re-synced dossier follows the older one. */
    static final int RESYNC_DELAY = 2000;

    private final long seed;
    private final long dossiers;
    private final boolean json;
    private final int parts;
    private final Province p = new Province();
    private final NationalRegistry registry;
    private final List<NationalRegistry.Unit> active = new ArrayList<>();
    private final double[] cumulative;
    private final Map<Province.Unit, List<Province.Procedure>> procedures = new HashMap<>();
    private final Map<Province.Unit, List<LocalDate>> days = new HashMap<>();
    private final DossierWriter writer = new DossierWriter(DossierWriter.COMPACT, false);

    NationalGenerator(long seed, long dossiers, boolean json, int parts) {
        this.seed = seed;
        this.dossiers = dossiers;
        this.json = json;
        this.parts = parts;
        this.registry = new NationalRegistry(seed);
        List<LocalDate> all = p.workingDays(Province.START, Province.END_DATE);
        List<LocalDate> before = p.workingDays(Province.START, Province.DISTRICT_END);
        List<LocalDate> after = p.workingDays(NationalRegistry.REFORM, Province.END_DATE);
        Map<String, List<Province.Procedure>> byLevel = new HashMap<>();
        List<Double> cum = new ArrayList<>();
        double total = 0;
        for (NationalRegistry.Unit x : registry.units) {
            Province.Unit u = x.u;
            if (u.level.equals("TINH")) {
                continue;
            }
            List<LocalDate> d = u.validFrom.isAfter(Province.START) ? after : u.validTo != null ? before : all;
            days.put(u, d);
            procedures.put(u, u.level.equals("SO") ? p.proceduresFor(u)
                    : byLevel.computeIfAbsent(u.level, k -> p.proceduresFor(u)));
            active.add(x);
            total += u.weight * d.size();
            cum.add(total);
        }
        cumulative = new double[cum.size()];
        for (int i = 0; i < cumulative.length; i++) {
            cumulative[i] = cum.get(i) / total;
        }
    }

    public static GeneratedFiles generate(Path out, long seed, long dossiers, boolean json, int parts, int threads)
            throws IOException {
        return new NationalGenerator(seed, dossiers, json, parts).run(out, threads);
    }

    NationalRegistry registry() {
        return registry;
    }

    static String partName(int part, boolean json) {
        return String.format(Locale.ROOT, "dossiers/part-%05d.%s", part, json ? "jsonl" : "csv");
    }

    /** First dossier index (0-based) of a part: the dossiers are split as evenly as possible. */
    static long partStart(long dossiers, int parts, int part) {
        long base = dossiers / parts;
        long extra = dossiers % parts;
        return part * base + Math.min(part, extra);
    }

    private GeneratedFiles run(Path out, int threads) throws IOException {
        InputFolder folder = new InputFolder(out);
        List<Province.Unit> units = new ArrayList<>(registry.units.size());
        for (NationalRegistry.Unit x : registry.units) {
            units.add(x.u);
        }
        ReferenceFiles.write(folder, p, units, seed, 100_000);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), task -> {
            Thread t = new Thread(task, "national-generator");
            t.setDaemon(true);
            return t;
        });
        long resyncs = 0;
        try {
            List<Future<Long>> futures = new ArrayList<>();
            for (int i = 0; i < parts; i++) {
                final int part = i;
                futures.add(pool.submit(() -> part(folder, part)));
            }
            for (int i = 0; i < parts; i++) {
                try {
                    resyncs += futures.get(i).get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                } catch (java.util.concurrent.ExecutionException e) {
                    Throwable c = e.getCause() instanceof UncheckedIOException ? e.getCause().getCause() : e.getCause();
                    if (c instanceof IOException) {
                        throw (IOException) c;
                    }
                    throw new IllegalStateException(c);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        BrokenRecords.write(folder, p, BrokenRecords.Shape.national(registry), new SplittableRandom(seed * 31 + 999_983));
        folder.result.dossiers = dossiers;
        folder.result.resyncs = resyncs;
        folder.result.parts = parts;
        return folder.result;
    }

    // ---------------------------------------------------------------- dossiers

    /** A final version waiting to be written after its older version. */
    private static final class Deferred {
        final long release;
        final long order;
        final Dossier d;

        Deferred(long release, long order, Dossier d) {
            this.release = release;
            this.order = order;
            this.d = d;
        }
    }

    /** Writes one part; returns its number of re-syncs. */
    private long part(InputFolder folder, int part) throws IOException {
        long from = partStart(dossiers, parts, part);
        long to = partStart(dossiers, parts, part + 1);
        SplittableRandom r = new SplittableRandom(mix(seed, part));
        long resyncs = 0;
        PriorityQueue<Deferred> deferred = new PriorityQueue<>((a, b) -> a.release != b.release
                ? Long.compare(a.release, b.release) : Long.compare(a.order, b.order));
        String name = partName(part, json);
        try (InputFolder.DossierFile f = json ? folder.jsonDossiers(name) : folder.csvDossiers(name, writer)) {
            for (long i = from; i < to; i++) {
                while (!deferred.isEmpty() && deferred.peek().release <= i) {
                    f.add(deferred.poll().d);
                }
                Dossier d = dossier(r, i);
                boolean resync = (d.status == 9 || d.status == 10) && d.ended != null
                        && Duration.between(d.received, d.ended).toHours() >= 24
                        && r.nextDouble() < SampleGenerator.RESYNC_SHARE / 0.85;
                if (resync) {
                    f.add(SampleGenerator.olderVersion(d, r));
                    resyncs++;
                    deferred.add(new Deferred(i + 1 + r.nextInt(RESYNC_DELAY), i, d));
                } else {
                    f.add(d);
                }
            }
            while (!deferred.isEmpty()) {
                f.add(deferred.poll().d);
            }
        }
        return resyncs;
    }

    static long mix(long seed, int part) {
        long z = seed * 0x9E3779B97F4A7C15L + (part + 1) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Dossier number {@code index} (0-based, over all parts). */
    private Dossier dossier(SplittableRandom r, long index) {
        int k = java.util.Arrays.binarySearch(cumulative, r.nextDouble());
        k = k >= 0 ? k : Math.min(-k - 1, cumulative.length - 1);
        NationalRegistry.Unit x = active.get(k);
        Province.Unit u = x.u;
        List<LocalDate> d = days.get(u);
        LocalDate day = d.get(r.nextInt(d.size()));
        List<Province.Procedure> procs = procedures.get(u);
        Province.Procedure proc = procs.get(Math.min(r.nextInt(procs.size()), r.nextInt(procs.size())));
        Dossier dossier = SampleGenerator.dossier(p, u, u, day, proc, r);
        // an online or postal submission never predates the unit (new communes start on 2025-07-01)
        LocalDateTime start = u.validFrom.atTime(0, 5);
        if (dossier.submitted != null && dossier.submitted.isBefore(start)) {
            dossier.submitted = start;
        }
        LocalDateTime first = dossier.firstDate();
        StringBuilder code = new StringBuilder(32).append(u.code).append('-');
        Names.pad(code, first.getYear() % 100, 2);
        Names.pad(code, first.getMonthValue(), 2);
        Names.pad(code, first.getDayOfMonth(), 2);
        dossier.code = Names.pad(code.append('-'), index + 1, 8).toString();
        if (json && r.nextDouble() < 0.05) {
            dossier.unit = ""; // unit from the MaHoSo prefix
        }
        return dossier;
    }
}
