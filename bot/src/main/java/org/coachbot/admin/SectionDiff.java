package org.coachbot.admin;

import org.coachbot.chat.Html;
import org.coachbot.knowledge.Section;
import org.coachbot.text.Texts;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Says which sections an upload adds, removes or changes, by title; long lists name the first few. */
final class SectionDiff {
    /** Titles named per list; a file of hundreds of sections is still acknowledged in one short message. */
    static final int MAX_TITLES = 10;

    private SectionDiff() {
    }

    static String describe(List<Section> before, List<Section> after, Texts texts) {
        Map<String, Section> old = before.stream().collect(Collectors.toMap(Section::title, Function.identity()));
        Map<String, Section> now = after.stream().collect(Collectors.toMap(Section::title, Function.identity()));
        List<String> added = after.stream().map(Section::title).filter(t -> !old.containsKey(t)).toList();
        List<String> removed = before.stream().map(Section::title).filter(t -> !now.containsKey(t)).toList();
        List<String> changed = after.stream().filter(s -> old.containsKey(s.title()))
                .filter(s -> !old.get(s.title()).body().equals(s.body()) || !old.get(s.title()).tags().equals(s.tags()))
                .map(Section::title).toList();
        return texts.get("diff", list(added, texts), list(removed, texts), list(changed, texts));
    }

    private static String list(List<String> titles, Texts texts) {
        if (titles.isEmpty()) {
            return "—";
        }
        String shown = titles.stream().limit(MAX_TITLES).map(t -> Html.escape(KnowledgeDesk.clip(t)))
                .collect(Collectors.joining("、"));
        return titles.size() > MAX_TITLES ? texts.get("diff.more", shown, titles.size()) : shown;
    }
}
