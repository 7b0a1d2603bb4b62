package org.coachbot.insights;

import org.coachbot.chat.Html;
import org.coachbot.text.Texts;

/**
 * How reports name a section: its title and its file, read from the id ({@code <file stem>#<title>}), so a
 * section deleted since is still named as it was shown.
 */
final class SectionNames {
    private SectionNames() {
    }

    static String html(String sectionId, Texts texts) {
        int hash = sectionId.indexOf('#');
        if (hash < 0) {
            return texts.get("section", Html.escape(sectionId), "");
        }
        return texts.get("section", Html.escape(sectionId.substring(hash + 1)),
                texts.get("section.file", Html.escape(sectionId.substring(0, hash))));
    }
}
