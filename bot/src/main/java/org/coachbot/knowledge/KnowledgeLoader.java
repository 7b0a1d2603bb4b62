package org.coachbot.knowledge;

import org.coachbot.text.Texts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;

/** Loads every {@code *.md} file of a knowledge folder; a broken file is reported and the rest still load. */
public final class KnowledgeLoader {
    /** Largest knowledge file accepted, on disk or uploaded. */
    public static final long MAX_FILE_BYTES = 1024 * 1024;
    private static final Texts TEXTS = Texts.of("knowledge");
    private final KnowledgeLimits limits;
    private final MarkdownKnowledgeParser parser;

    /** A loader with {@link KnowledgeLimits#DEFAULT}. */
    public KnowledgeLoader() {
        this(KnowledgeLimits.DEFAULT);
    }

    public KnowledgeLoader(KnowledgeLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits must not be null");
        this.parser = new MarkdownKnowledgeParser(limits.sectionsPerFile());
    }

    /**
     * Reads the folder's Markdown and its {@code glossary.yaml}; {@code README.md} documents the format and is not
     * knowledge. A broken glossary is reported and the knowledge loads without it.
     */
    public KnowledgeBase load(Path dir) {
        return load(dir, file -> "");
    }

    /**
     * Reads the folder. Files are read in name order until the knowledge base holds {@link KnowledgeLimits#sections}
     * sections; a file that does not fit is reported like a broken one.
     *
     * @param sources the source of a file whose front matter names none (e.g. who uploaded it and when)
     */
    public KnowledgeBase load(Path dir, Function<String, String> sources) {
        List<Section> sections = new ArrayList<>();
        List<KnowledgeFormatException> problems = new ArrayList<>();
        for (Path file : markdownFiles(dir)) {
            String name = file.getFileName().toString();
            try {
                List<Section> parsed = parse(name, Files.readAllBytes(file));
                if (sections.size() + parsed.size() > limits.sections()) {
                    throw new KnowledgeFormatException(name, 0, TEXTS.get("base.too.many.sections",
                            limits.sections(), sections.size(), parsed.size()));
                }
                String fallback = sources.apply(name);
                parsed.stream().map(s -> s.source().isEmpty() && fallback != null && !fallback.isEmpty()
                        ? new Section(s.id(), s.file(), s.topic(), s.title(), s.body(), s.tags(), fallback, s.line(),
                        s.asks())
                        : s).forEach(sections::add);
            } catch (KnowledgeFormatException e) {
                problems.add(e);
            } catch (IOException e) {
                problems.add(new KnowledgeFormatException(name, 0, TEXTS.get("file.unreadable", e.getMessage())));
            }
        }
        Glossary glossary = glossary(dir, problems);
        return new KnowledgeBase(sections, problems, glossary);
    }

    /** Validates and parses an uploaded or edited glossary: size, UTF-8, then format. */
    public Glossary parseGlossary(String fileName, byte[] bytes) {
        if (bytes.length > MAX_FILE_BYTES) {
            throw new KnowledgeFormatException(fileName, 0, TEXTS.get("file.too.big", bytes.length));
        }
        return Glossary.parse(fileName, utf8(fileName, bytes));
    }

    private Glossary glossary(Path dir, List<KnowledgeFormatException> problems) {
        Path file = dir.resolve(Glossary.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return Glossary.EMPTY;
        }
        try {
            return parseGlossary(Glossary.FILE_NAME, Files.readAllBytes(file));
        } catch (KnowledgeFormatException e) {
            problems.add(e);
        } catch (IOException e) {
            problems.add(new KnowledgeFormatException(Glossary.FILE_NAME, 0, TEXTS.get("file.unreadable",
                    e.getMessage())));
        }
        return Glossary.EMPTY;
    }

    /** Validates and parses one file's bytes: size, UTF-8, then format. */
    public List<Section> parse(String fileName, byte[] bytes) {
        if (bytes.length > MAX_FILE_BYTES) {
            throw new KnowledgeFormatException(fileName, 0, TEXTS.get("file.too.big", bytes.length));
        }
        return parser.parse(fileName, utf8(fileName, bytes));
    }

    public KnowledgeLimits limits() {
        return limits;
    }

    /** Decodes strictly, so a GBK or Big5 file is refused instead of loading as garbage. */
    public static String utf8(String fileName, byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new KnowledgeFormatException(fileName, 0, TEXTS.get("file.not.utf8"));
        }
    }

    private static List<Path> markdownFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".md"))
                    .filter(p -> !p.getFileName().toString().equalsIgnoreCase("README.md"))
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list knowledge folder " + dir, e);
        }
    }
}
