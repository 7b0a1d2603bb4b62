package org.coachbot;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The main packages depend on one another without a cycle, so each can be read, tested and changed with only what
 * lies below it in mind. A dependency is any mention of a class of another package: an import, a static import or
 * a name written out in full.
 */
class PackageGraphTest {
    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern MENTION = Pattern.compile("\\b(org\\.coachbot(?:\\.[a-z]\\w*)*)\\.[A-Z]");

    @Test
    void the_main_packages_depend_on_one_another_without_a_cycle() throws IOException {
        Map<String, Map<String, String>> graph = graph(SOURCES);

        List<String> cycles = cycles(graph);

        assertTrue(graph.size() > 10, "read the packages of " + SOURCES.toAbsolutePath() + ": " + graph.keySet());
        assertTrue(cycles.isEmpty(), "packages that depend on one another in a cycle (each arrow names a file that "
                + "makes the dependency); move the shared type below both, or turn the dependency around:\n"
                + String.join("\n", cycles));
    }

    @Test
    void a_cycle_is_named_with_the_file_that_makes_each_dependency() {
        Map<String, Map<String, String>> graph = new TreeMap<>();
        graph.put("a", Map.of("b", "A.java"));
        graph.put("b", Map.of("c", "B.java"));
        graph.put("c", Map.of("a", "C.java"));
        graph.put("d", Map.of("a", "D.java"));

        assertEquals(List.of("[a, b, c]: a -> b (A.java) -> c (B.java) -> a (C.java)"), cycles(graph));
    }

    /** For each package, the packages it mentions and one file that mentions each. */
    private static Map<String, Map<String, String>> graph(Path root) throws IOException {
        Map<String, Map<String, String>> graph = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file);
                Matcher declared = PACKAGE.matcher(text);
                if (!declared.find()) {
                    continue;
                }
                String from = shortName(declared.group(1));
                Map<String, String> out = graph.computeIfAbsent(from, k -> new TreeMap<>());
                Matcher mention = MENTION.matcher(text);
                while (mention.find()) {
                    String to = shortName(mention.group(1));
                    if (!to.equals(from)) {
                        out.putIfAbsent(to, file.getFileName().toString());
                    }
                }
            }
        }
        return graph;
    }

    private static String shortName(String pkg) {
        return pkg.equals("org.coachbot") ? "(root)" : pkg.substring("org.coachbot.".length());
    }

    /**
     * Each group of packages that reach one another, with one cycle through it:
     * {@code [a, b]: a -> b (File.java) -> a (Other.java)}.
     */
    static List<String> cycles(Map<String, Map<String, String>> graph) {
        List<String> out = new ArrayList<>();
        for (List<String> group : stronglyConnected(graph)) {
            if (group.size() > 1) {
                out.add(group + ": " + describe(cycleThrough(graph, group)));
            }
        }
        return out;
    }

    /** Tarjan's algorithm: the strongly connected components, each listed from its first package. */
    private static List<List<String>> stronglyConnected(Map<String, Map<String, String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        List<List<String>> groups = new ArrayList<>();
        for (String start : graph.keySet()) {
            if (!index.containsKey(start)) {
                visit(start, graph, index, low, stack, groups);
            }
        }
        return groups;
    }

    private static void visit(String v, Map<String, Map<String, String>> graph, Map<String, Integer> index,
                              Map<String, Integer> low, Deque<String> stack, List<List<String>> groups) {
        index.put(v, index.size());
        low.put(v, index.get(v));
        stack.push(v);
        for (String w : graph.getOrDefault(v, Map.of()).keySet()) {
            if (!index.containsKey(w)) {
                visit(w, graph, index, low, stack, groups);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (stack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            List<String> group = new ArrayList<>();
            String w;
            do {
                w = stack.pop();
                group.add(w);
            } while (!w.equals(v));
            group.sort(null);
            groups.add(group);
        }
    }

    /** The shortest way from the group's first package back to itself, staying inside the group. */
    private static List<String> cycleThrough(Map<String, Map<String, String>> graph, List<String> group) {
        String start = group.get(0);
        Map<String, String> cameFrom = new LinkedHashMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty()) {
            String v = queue.poll();
            for (String w : graph.getOrDefault(v, Map.of()).keySet()) {
                if (w.equals(start)) {
                    List<String> path = new ArrayList<>(List.of(start));
                    for (String u = v; !u.equals(start); u = cameFrom.get(u)) {
                        path.add(1, u);
                    }
                    path.add(start);
                    return withFiles(graph, path);
                }
                if (group.contains(w) && !cameFrom.containsKey(w)) {
                    cameFrom.put(w, v);
                    queue.add(w);
                }
            }
        }
        throw new IllegalStateException("no cycle through " + start + " in " + group);
    }

    private static List<String> withFiles(Map<String, Map<String, String>> graph, List<String> path) {
        List<String> out = new ArrayList<>(List.of(path.get(0)));
        for (int i = 1; i < path.size(); i++) {
            out.add(path.get(i) + " (" + Optional.ofNullable(graph.get(path.get(i - 1)).get(path.get(i)))
                    .orElse("?") + ")");
        }
        return out;
    }

    private static String describe(List<String> cycle) {
        return String.join(" -> ", cycle);
    }
}
