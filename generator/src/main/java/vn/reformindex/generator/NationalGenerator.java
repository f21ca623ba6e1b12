package vn.reformindex.generator;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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

    /** What was written. */
    public static final class Result {
        public final Map<String, Long> records = new java.util.TreeMap<>();
        public long bytes;
        public long dossiers;
        public long resyncs;
        public int broken;
        public int parts;

        public long dossierRecords() {
            long n = 0;
            for (Map.Entry<String, Long> e : records.entrySet()) {
                if (e.getKey().startsWith("dossiers/")) {
                    n += e.getValue();
                }
            }
            return n;
        }
    }

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
            List<LocalDate> d = x.validFrom.isAfter(Province.START) ? after : u.validTo != null ? before : all;
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

    public static Result generate(Path out, long seed, long dossiers, boolean json, int parts, int threads)
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

    private Result run(Path out, int threads) throws IOException {
        Result result = new Result();
        result.parts = parts;
        Files.createDirectories(out.resolve("dossiers"));
        write(out, "units.csv", units(), result);
        write(out, "procedures.csv", procedures(), result);
        write(out, "holidays.csv", holidays(), result);
        write(out, "manual-scores.csv", manualScores(), result);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), task -> {
            Thread t = new Thread(task, "national-generator");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<long[]>> futures = new ArrayList<>();
            for (int i = 0; i < parts; i++) {
                final int part = i;
                futures.add(pool.submit(() -> part(out, part)));
            }
            for (int i = 0; i < parts; i++) {
                long[] r;
                try {
                    r = futures.get(i).get();
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
                result.records.put(partName(i, json), r[0]);
                result.resyncs += r[1];
                result.bytes += r[2];
            }
        } finally {
            pool.shutdownNow();
        }
        result.dossiers = dossiers;
        StringBuilder b = new StringBuilder();
        int broken = NationalBrokenRecords.write(b, p, registry, new SplittableRandom(seed * 31 + 999_983));
        write(out, BrokenRecords.FILE, b.toString(), result);
        result.records.put(BrokenRecords.FILE, (long) broken);
        result.broken = broken;
        return result;
    }

    private static void write(Path out, String name, String text, Result result) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Files.write(out.resolve(name), bytes);
        result.bytes += bytes.length;
        if (!name.startsWith("dossiers/")) {
            long lines = 0;
            for (byte x : bytes) {
                if (x == '\n') {
                    lines++;
                }
            }
            result.records.put(name, lines - 1);
        }
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

    /** Writes one part; returns records, re-syncs, bytes. */
    private long[] part(Path out, int part) throws IOException {
        long from = partStart(dossiers, parts, part);
        long to = partStart(dossiers, parts, part + 1);
        SplittableRandom r = new SplittableRandom(mix(seed, part));
        long records = 0;
        long resyncs = 0;
        CountingStream counter = new CountingStream(Files.newOutputStream(out.resolve(partName(part, json))));
        PriorityQueue<Deferred> deferred = new PriorityQueue<>((a, b) -> a.release != b.release
                ? Long.compare(a.release, b.release) : Long.compare(a.order, b.order));
        StringBuilder b = new StringBuilder(4096);
        try (Writer w = new BufferedWriter(new OutputStreamWriter(counter, StandardCharsets.UTF_8), 1 << 20)) {
            if (!json) {
                w.write(DossierWriter.header());
            }
            for (long i = from; i < to; i++) {
                while (!deferred.isEmpty() && deferred.peek().release <= i) {
                    emit(w, b, deferred.poll().d);
                    records++;
                }
                Dossier d = dossier(r, i);
                boolean resync = (d.status == 9 || d.status == 10) && d.ended != null
                        && Duration.between(d.received, d.ended).toHours() >= 24
                        && r.nextDouble() < SampleGenerator.RESYNC_SHARE / 0.85;
                if (resync) {
                    Dossier older = SampleGenerator.olderVersion(d, r);
                    emit(w, b, older);
                    records++;
                    resyncs++;
                    deferred.add(new Deferred(i + 1 + r.nextInt(RESYNC_DELAY), i, d));
                } else {
                    emit(w, b, d);
                    records++;
                }
            }
            while (!deferred.isEmpty()) {
                emit(w, b, deferred.poll().d);
                records++;
            }
        }
        return new long[] {records, resyncs, counter.count};
    }

    private void emit(Writer w, StringBuilder b, Dossier d) throws IOException {
        b.setLength(0);
        if (json) {
            DossierWriter.json(b, d);
        } else {
            writer.csv(b, d);
        }
        w.append(b);
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
        LocalDateTime start = x.validFrom.atTime(0, 5);
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

    /** Counts the bytes written. */
    private static final class CountingStream extends java.io.FilterOutputStream {
        long count;

        CountingStream(java.io.OutputStream out) {
            super(new java.io.BufferedOutputStream(out, 1 << 16));
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }

    // ---------------------------------------------------------------- reference files

    private String units() {
        StringBuilder b = new StringBuilder(registry.units.size() * 100);
        b.append("MaDonVi,TenDonVi,CapDonVi,MaDonViCha,NhomXepHang,HieuLucTu,HieuLucDen,MaDonViKeThua\n");
        for (NationalRegistry.Unit x : registry.units) {
            Province.Unit u = x.u;
            DossierWriter.row(b, new String[] {u.code, u.name, u.level, u.parent, u.level, x.validFrom.toString(),
                u.validTo == null ? "" : u.validTo.toString(), u.successor});
        }
        return b.toString();
    }

    private String procedures() {
        StringBuilder b = new StringBuilder("MaTTHC,TenTTHC,MaLinhVuc,CapThucHien,MucDo,CoPhiLePhi,YeuCauKetQuaGiayTo,DoiTuongCongDan,ThoiHanGiaiQuyet,DonViTinh\n");
        for (Province.Procedure x : p.procedures) {
            DossierWriter.row(b, new String[] {x.code, x.name, x.field, x.level, Integer.toString(x.mucDo),
                x.fee > 0 ? "1" : "0", Integer.toString(x.resultDocument), Integer.toString(x.citizen),
                Integer.toString(x.limit), x.unit});
        }
        return b.toString();
    }

    private String holidays() {
        StringBuilder b = new StringBuilder("Ngay,MoTa\n");
        for (Map.Entry<LocalDate, String> e : p.holidays.entrySet()) {
            DossierWriter.row(b, new String[] {e.getKey().toString(), e.getValue()});
        }
        return b.toString();
    }

    /** As the sample: every SO and XA unit valid on 31 December of 2024 and 2025, six criteria each. */
    private String manualScores() {
        StringBuilder b = new StringBuilder(1 << 20);
        b.append("MaDonVi,KyDanhGia,MaChiSo,Diem,GiaTri,NguonMinhChung\n");
        for (int year = 2024; year <= 2025; year++) {
            LocalDate yearEnd = LocalDate.of(year, 12, 31);
            for (int i = 0; i < registry.units.size(); i++) {
                NationalRegistry.Unit x = registry.units.get(i);
                Province.Unit u = x.u;
                if (!(u.level.equals("SO") || u.level.equals("XA"))) {
                    continue;
                }
                if ((u.validTo != null && u.validTo.isBefore(yearEnd)) || x.validFrom.isAfter(yearEnd)) {
                    continue;
                }
                SplittableRandom r = new SplittableRandom(seed * 7 + year * 100_000L + i);
                for (int c = 0; c < SampleGenerator.CRITERIA.length; c++) {
                    int max = SampleGenerator.CRITERIA_MAX[c];
                    int hundredths = (int) Math.round(max * 100 * (0.4 + 0.6 * r.nextDouble()));
                    String issuer = u.level.equals("SO") ? (c == 3 ? "STP" : "SNV") : "UBND";
                    String kind = SampleGenerator.CRITERIA[c].startsWith("5.") ? "KQ" : "BC";
                    b.append(u.code).append(',').append(year).append(',').append(SampleGenerator.CRITERIA[c])
                            .append(',').append(hundredths / 100).append('.')
                            .append((char) ('0' + hundredths % 100 / 10)).append((char) ('0' + hundredths % 10))
                            .append(",,").append(kind.equals("KQ") ? "Kết quả khảo sát số " : "Báo cáo số ")
                            .append(10 + r.nextInt(390)).append('/').append(kind).append('-').append(issuer)
                            .append(" năm ").append(year).append('\n');
                }
            }
        }
        return b.toString();
    }
}
