package org.coachbot.team;

import org.coachbot.roleplay.scenario.Dimension;
import org.coachbot.roleplay.scenario.Scenario;
import org.coachbot.roleplay.scenario.ScenarioBook;
import org.coachbot.text.Texts;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code /team export}: every finished session as one CSV row, streamed from the database into a file so the
 * export never holds more than one session in memory. UTF-8 with a byte-order mark, which Excel needs to read
 * Chinese correctly.
 */
final class TeamExport {
    /** Exports older than this are deleted when the next one is written. */
    static final Duration KEEP = Duration.ofDays(1);
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter FILE = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private final People people;
    private final TrainingLog training;
    private final Supplier<ScenarioBook> books;
    private final Clock clock;
    private final TeamSettings settings;
    private final Path folder;
    private final Texts texts;

    TeamExport(People people, TrainingLog training, Supplier<ScenarioBook> books, Clock clock, TeamSettings settings,
               Path folder, Texts texts) {
        this.people = people;
        this.training = training;
        this.books = books;
        this.clock = clock;
        this.settings = settings;
        this.folder = folder;
        this.texts = texts;
    }

    /** Writes a new export file in the export folder and returns it, with how many sessions it holds. */
    Written write() throws IOException {
        Files.createDirectories(folder);
        removeOld();
        Path file = folder.resolve("team-" + FILE.format(clock.instant().atZone(settings.zone())) + ".csv");
        long rows;
        try (OutputStream out = Files.newOutputStream(file)) {
            rows = write(out);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return new Written(file, rows);
    }

    /** An export file and the number of sessions in it. */
    record Written(Path file, long rows) {
    }

    /** Writes the BOM, the header and one row per finished session; returns the number of rows. */
    long write(OutputStream stream) throws IOException {
        stream.write(BOM);
        Writer out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
        ScenarioBook book = books.get();
        List<Dimension> dimensions = book.rubric().map(r -> r.dimensions()).orElse(List.of());
        Map<Long, Person> known = people.all();
        List<String> header = new ArrayList<>(List.of(texts.get("csv.header").split(",")));
        int insertAt = header.indexOf(texts.get("csv.header.dimensions"));
        header.remove(insertAt);
        header.addAll(insertAt, dimensions.stream().map(Dimension::name).toList());
        line(out, header);
        long[] count = {0};
        try {
            training.forEachSession(row -> {
                try {
                    line(out, cells(row, book, dimensions, known));
                    count[0]++;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        out.flush();
        return count[0];
    }

    private List<String> cells(SessionRow r, ScenarioBook book, List<Dimension> dimensions, Map<Long, Person> known) {
        Person p = known.get(r.userId());
        Optional<Scenario> scenario = book.scenario(r.scenarioId());
        boolean drill = !r.drill().isEmpty();
        int score = drill ? r.scores().getOrDefault(r.drill(), 0) : r.total();
        List<String> cells = new ArrayList<>(List.of(String.valueOf(r.id()),
                p == null ? texts.get("csv.unknown") : p.name(), p == null ? "" : p.username(),
                String.valueOf(r.userId()), r.scenarioId(), scenario.map(Scenario::title).orElse(""),
                scenario.map(s -> String.valueOf(s.difficulty())).orElse(""),
                texts.get(drill ? "csv.kind.drill" : "csv.kind.full"),
                drill ? Labels.dimension(book, r.drill()) : "",
                texts.get("csv.outcome." + r.outcome().toLowerCase(Locale.ROOT)),
                String.valueOf(score), texts.get(score >= settings.passMark() ? "csv.yes" : "csv.no"),
                texts.get(r.resolved() ? "csv.yes" : "csv.no")));
        for (Dimension d : dimensions) {
            Integer s = r.scores().get(d.id());
            cells.add(s == null ? "" : String.valueOf(s));
        }
        cells.add(String.valueOf(r.turns()));
        cells.add(String.valueOf(r.hints()));
        cells.add(TIME.format(r.startedAt().atZone(settings.zone())));
        cells.add(TIME.format(r.endedAt().atZone(settings.zone())));
        return cells;
    }

    private static void line(Writer out, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cell(cells.get(i)));
        }
        out.write("\r\n");
    }

    /**
     * One CSV field: quoted when it holds a comma, quote or line break; a name that starts like a formula
     * ({@code =}, {@code +}, {@code -}, {@code @}) gets a leading apostrophe so a spreadsheet shows it as text
     * instead of running it.
     */
    static String cell(String value) {
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 && !v.matches("-?\\d+")) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }

    private void removeOld() throws IOException {
        Instant cutoff = clock.instant().minus(KEEP);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "team-*.csv")) {
            for (Path f : files) {
                if (Files.getLastModifiedTime(f).toInstant().isBefore(cutoff)) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }
}
