import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;

/**
 * The load generator of bench/load.sh: CONNECTIONS clients on loopback, each sending the next GET as
 * soon as the last is answered, URLs drawn at random from a file of "kind URL" lines, for SECONDS.
 * Every 250 ms it reads the server's health and, every second, its resident memory. Optional
 * EVENTS ("seconds:command;seconds:command") are shell commands run at those offsets (stopping and
 * starting PostgreSQL), their ends timed. Writes every answer to OUT/answers.tsv, health and memory
 * to OUT/health.tsv and OUT/rss.tsv, event times to OUT/events.tsv, and prints a summary.
 *
 * <p>Usage: java bench/LoadBench.java BASE_URL URL_FILE SECONDS CONNECTIONS SERVER_PID OUT [EVENTS]
 */
public final class LoadBench {
    record Answer(String kind, long startNanos, long nanos, int status, String retryAfter) {}

    record Sample(long atNanos, long value) {}

    public static void main(String[] args) throws Exception {
        String base = args[0];
        List<String[]> urls = Files.readAllLines(Path.of(args[1])).stream()
                .filter(l -> !l.isBlank())
                .map(l -> l.split(" ", 2))
                .toList();
        int seconds = Integer.parseInt(args[2]);
        int connections = Integer.parseInt(args[3]);
        long pid = Long.parseLong(args[4]);
        Path out = Path.of(args[5]);
        String events = args.length > 6 ? args[6] : "";
        Files.createDirectories(out);

        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
        List<Sample> health = new ArrayList<>();
        List<Sample> rss = new ArrayList<>();
        List<String> eventTimes = new ArrayList<>();
        long t0 = System.nanoTime();
        long end = t0 + Duration.ofSeconds(seconds).toNanos();
        CountDownLatch done = new CountDownLatch(connections);
        for (int c = 0; c < connections; c++) {
            Random random = new Random(c);
            Thread t = new Thread(() -> {
                try {
                    while (System.nanoTime() < end) {
                        String[] u = urls.get(random.nextInt(urls.size()));
                        answers.add(send(http, base + u[1], u[0]));
                    }
                } finally {
                    done.countDown();
                }
            });
            t.setDaemon(true);
            t.start();
        }
        Thread monitor = new Thread(() -> {
            long next = t0;
            for (int i = 0; System.nanoTime() < end; i++) {
                Answer h = send(http, base + "/actuator/health", "health");
                synchronized (health) {
                    health.add(new Sample(h.startNanos() - t0, h.status()));
                }
                if (i % 4 == 0) {
                    synchronized (rss) {
                        rss.add(new Sample(System.nanoTime() - t0, rssKb(pid)));
                    }
                }
                next += 250_000_000L;
                sleepUntil(next);
            }
        });
        monitor.setDaemon(true);
        monitor.start();
        for (String e : events.isBlank() ? new String[0] : events.split(";")) {
            String[] at = e.split(":", 2);
            sleepUntil(t0 + (long) (Double.parseDouble(at[0]) * 1e9));
            long started = System.nanoTime() - t0;
            int exit = new ProcessBuilder("sh", "-c", at[1]).inheritIO().start().waitFor();
            long ended = System.nanoTime() - t0;
            eventTimes.add(started / 1_000_000 + "\t" + ended / 1_000_000 + "\t" + exit + "\t" + at[1]);
        }
        done.await();
        monitor.join();

        List<Answer> all = new ArrayList<>(answers);
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out.resolve("answers.tsv")))) {
            w.println("kind\tstart_ms\tmillis\tstatus\tretry_after");
            for (Answer a : all) {
                w.printf(
                        "%s\t%d\t%.3f\t%d\t%s%n",
                        a.kind(),
                        (a.startNanos() - t0) / 1_000_000,
                        a.nanos() / 1e6,
                        a.status(),
                        a.retryAfter() == null ? "" : a.retryAfter());
            }
        }
        write(out.resolve("health.tsv"), "ms\tstatus", health);
        write(out.resolve("rss.tsv"), "ms\trss_kb", rss);
        Files.write(out.resolve("events.tsv"), eventTimes);
        summarise(all, rss, seconds, connections);
        if (eventTimes.size() == 2) {
            outage(all, health, eventTimes, t0);
        }
    }

    /**
     * The database's outage, from the events' times: stopping it (first event, start to end) and
     * starting it (second event). The answers by phase of the request's start, the database-backed
     * calls (stats, Open311) apart from the tiles, which the tile cache may still serve; when health
     * turned red and green; and when the last database-backed failure and first success came after
     * PostgreSQL was up again.
     */
    private static void outage(List<Answer> all, List<Sample> health, List<String> events, long t0) {
        long stop = Long.parseLong(events.get(0).split("\t")[0]);
        long stopped = Long.parseLong(events.get(0).split("\t")[1]);
        long starting = Long.parseLong(events.get(1).split("\t")[0]);
        long up = Long.parseLong(events.get(1).split("\t")[1]);
        System.out.println();
        System.out.printf(
                "PostgreSQL: stop began at %.1f s and ended at %.1f s (-m fast: sessions ended, then a checkpoint);"
                        + " start began at %.1f s and ended at %.1f s.%n",
                stop / 1e3, stopped / 1e3, starting / 1e3, up / 1e3);
        System.out.println();
        System.out.println("| requests started | calls | answers | p50 ms | p99 ms | max ms | statuses | 503 without Retry-After |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        phase(all, t0, "in flight when the stop began", Long.MIN_VALUE, stop, stop);
        phase(all, t0, "while PostgreSQL stopped", stop, stopped, Long.MIN_VALUE);
        phase(all, t0, "while it was down", stopped, starting, Long.MIN_VALUE);
        phase(all, t0, "while it started", starting, up, Long.MIN_VALUE);
        phase(all, t0, "after it was up", up, Long.MAX_VALUE, Long.MIN_VALUE);
        long red = -1;
        long green = -1;
        for (Sample h : health) {
            long at = h.atNanos() / 1_000_000;
            if (red < 0 && at >= stop && h.value() != 200) {
                red = at;
            }
            if (red >= 0 && green < 0 && at >= up && h.value() == 200) {
                green = at;
            }
        }
        long lastFailure = Long.MIN_VALUE;
        long firstSuccess = Long.MAX_VALUE;
        for (Answer a : all) {
            long ended = (a.startNanos() + a.nanos() - t0) / 1_000_000;
            if (a.kind().equals("tile") || ended < stopped) {
                continue;
            }
            if (a.status() >= 200 && a.status() < 400) {
                firstSuccess = Math.min(firstSuccess, ended);
            } else {
                lastFailure = Math.max(lastFailure, ended);
            }
        }
        // When the database was gone: the first failed answer after the stop began. A failure is fast
        // when it comes soon after both its request and that moment.
        long gone = Long.MAX_VALUE;
        for (Answer a : all) {
            long ended = (a.startNanos() + a.nanos() - t0) / 1_000_000;
            if (ended >= stop && a.status() >= 500) {
                gone = Math.min(gone, ended);
            }
        }
        List<Double> waits = new ArrayList<>();
        for (Answer a : all) {
            long start = (a.startNanos() - t0) / 1_000_000;
            long ended = start + a.nanos() / 1_000_000;
            if (a.status() >= 500 && ended >= gone) {
                waits.add((double) (ended - Math.max(start, gone)));
            }
        }
        double[] w = waits.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.println();
        System.out.printf(
                "The first failed answer came %.2f s after the stop began. Each of the %d failed answers came"
                        + " after its request and that moment by: p50 %.0f ms, p99 %.0f ms, max %.0f ms;"
                        + " %d more than 1 s.%n",
                (gone - stop) / 1e3,
                w.length,
                quantile(w, 0.50),
                quantile(w, 0.99),
                w.length == 0 ? 0 : w[w.length - 1],
                Arrays.stream(w).filter(x -> x > 1000).count());
        System.out.printf("Health red %.2f s after the stop began; green again %.2f s after PostgreSQL was up.%n",
                (red - stop) / 1e3, (green - up) / 1e3);
        System.out.printf(
                "Stats and Open311 after PostgreSQL was up: the first 200 answered at %+.2f s, the last failure at %+.2f s.%n",
                (firstSuccess - up) / 1e3, (lastFailure - up) / 1e3);
    }

    /** One row per kind of call (tiles; stats and Open311) for requests started in [from, to) or in flight at inFlightAt. */
    private static void phase(List<Answer> all, long t0, String name, long from, long to, long inFlightAt) {
        for (boolean tiles : new boolean[] {false, true}) {
            List<Answer> in = new ArrayList<>();
            for (Answer a : all) {
                long start = (a.startNanos() - t0) / 1_000_000;
                long ended = start + a.nanos() / 1_000_000;
                boolean chosen = inFlightAt != Long.MIN_VALUE
                        ? start < inFlightAt && ended >= inFlightAt
                        : start >= from && start < to;
                if (chosen && a.kind().equals("tile") == tiles) {
                    in.add(a);
                }
            }
            double[] ms = in.stream().mapToDouble(a -> a.nanos() / 1e6).sorted().toArray();
            Map<Integer, Integer> statuses = new TreeMap<>();
            in.forEach(a -> statuses.merge(a.status(), 1, Integer::sum));
            long bare = in.stream().filter(a -> a.status() == 503 && a.retryAfter() == null).count();
            System.out.printf(
                    "| %s | %s | %d | %.1f | %.1f | %.1f | %s | %d |%n",
                    name,
                    tiles ? "tiles" : "stats, Open311",
                    ms.length,
                    quantile(ms, 0.50),
                    quantile(ms, 0.99),
                    ms.length == 0 ? 0 : ms[ms.length - 1],
                    statuses.toString().replaceAll("[{}]", "").replace("=", ": "),
                    bare);
        }
    }

    private static Answer send(HttpClient http, String url, String kind) {
        long start = System.nanoTime();
        try {
            HttpResponse<byte[]> r = http.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(30))
                            .header("Accept-Encoding", "gzip")
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(
                    kind,
                    start,
                    System.nanoTime() - start,
                    r.statusCode(),
                    r.headers().firstValue("Retry-After").orElse(null));
        } catch (IOException e) {
            return new Answer(kind, start, System.nanoTime() - start, -1, null); // no answer at all
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(kind, start, System.nanoTime() - start, -2, null);
        }
    }

    private static void summarise(List<Answer> all, List<Sample> rss, int seconds, int connections) {
        Map<String, List<Answer>> byKind = new TreeMap<>();
        for (Answer a : all) {
            byKind.computeIfAbsent(a.kind(), k -> new ArrayList<>()).add(a);
        }
        byKind.put("all", all);
        System.out.printf("%d connections, %d s: %d answers, %.0f a second%n", connections, seconds, all.size(),
                all.size() / (double) seconds);
        System.out.println();
        System.out.println("| kind | answers | p50 ms | p99 ms | max ms | statuses |");
        System.out.println("|---|---|---|---|---|---|");
        for (Map.Entry<String, List<Answer>> e : byKind.entrySet()) {
            double[] ms = e.getValue().stream().mapToDouble(a -> a.nanos() / 1e6).sorted().toArray();
            Map<Integer, Integer> statuses = new TreeMap<>();
            e.getValue().forEach(a -> statuses.merge(a.status(), 1, Integer::sum));
            System.out.printf(
                    "| %s | %d | %.1f | %.1f | %.1f | %s |%n",
                    e.getKey(),
                    ms.length,
                    quantile(ms, 0.50),
                    quantile(ms, 0.99),
                    ms.length == 0 ? 0 : ms[ms.length - 1],
                    statuses.toString().replaceAll("[{}]", "").replace("=", ": "));
        }
        long[] kb = rss.stream().mapToLong(Sample::value).toArray();
        if (kb.length > 0) {
            System.out.println();
            System.out.printf("server RSS MB: first %d, at the middle %d, last %d, max %d (%d samples)%n",
                    kb[0] / 1024, kb[kb.length / 2] / 1024, kb[kb.length - 1] / 1024,
                    Arrays.stream(kb).max().getAsLong() / 1024, kb.length);
            long[] settled = rss.stream()
                    .filter(r -> r.atNanos() >= 10_000_000_000L)
                    .mapToLong(Sample::value)
                    .toArray();
            if (settled.length > 0) {
                System.out.printf("server RSS MB from 10 s on: min %d, max %d%n",
                        Arrays.stream(settled).min().getAsLong() / 1024,
                        Arrays.stream(settled).max().getAsLong() / 1024);
            }
        }
    }

    private static double quantile(double[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
    }

    private static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    private static void write(Path file, String header, List<Sample> samples) throws IOException {
        List<String> lines = new ArrayList<>(List.of(header));
        synchronized (samples) {
            samples.forEach(s -> lines.add(s.atNanos() / 1_000_000 + "\t" + s.value()));
        }
        Files.write(file, lines);
    }

    private static void sleepUntil(long nanoTime) {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
