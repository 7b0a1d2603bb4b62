package org.coachbot.insights;

import org.coachbot.text.Texts;

import java.util.Locale;
import java.util.Objects;

/** {@code /stats}: questions per day, what was declined, verdicts, the most shown sections and practice sessions. */
final class UsageReport {
    /** Sections listed as most used. */
    static final int TOP_SECTIONS = 5;
    /** Days listed one per line; longer periods rely on the chart and the totals. */
    static final int MAX_DAY_LINES = 14;
    private final Texts texts;

    UsageReport(Texts texts) {
        this.texts = Objects.requireNonNull(texts, "texts must not be null");
    }

    String render(Usage u) {
        DateRange r = u.range();
        StringBuilder out = new StringBuilder(texts.get("stats.title", r.first(), r.last(), r.days()));
        long questions = u.questions();
        if (questions == 0) {
            out.append("\n").append(texts.get("stats.no.questions"));
        } else {
            out.append("\n").append(texts.get("stats.questions", questions, u.askers(),
                    decimal((double) questions / r.days())));
            out.append("\n").append(texts.get("stats.answers", u.tips(), u.uncovered(),
                    percent(u.uncovered(), questions), u.offTopic(), percent(u.offTopic(), questions),
                    percent(u.uncovered() + u.offTopic(), questions)));
            if (u.safety() > 0) {
                out.append("\n").append(texts.get("stats.safety", u.safety()));
            }
            out.append("\n").append(feedback(u));
            days(out, u);
            sections(out, u);
        }
        out.append("\n\n").append(rolePlay(u.rolePlay()));
        return out.toString();
    }

    private String feedback(Usage u) {
        long verdicts = u.helpful() + u.unhelpful();
        if (verdicts == 0) {
            return texts.get("stats.feedback.none", u.tips());
        }
        return texts.get("stats.feedback", u.helpful(), u.unhelpful(), percent(u.unhelpful(), verdicts),
                u.tipsWithFeedback(), u.tips());
    }

    private void days(StringBuilder out, Usage u) {
        if (u.days().size() > MAX_DAY_LINES) {
            Usage.Day busiest = u.days().stream().max((a, b) -> Integer.compare(a.total(), b.total())).orElseThrow();
            out.append("\n").append(texts.get("stats.busiest", busiest.date(), busiest.total()));
            return;
        }
        out.append("\n\n").append(texts.get("stats.days.title"));
        for (Usage.Day d : u.days()) {
            out.append("\n").append(texts.get("stats.day", d.date(), d.total(), d.uncovered() + d.offTopic()));
        }
    }

    private void sections(StringBuilder out, Usage u) {
        if (u.sections().isEmpty()) {
            return;
        }
        out.append("\n\n").append(texts.get("stats.sections.title"));
        for (int i = 0; i < u.sections().size(); i++) {
            Usage.SectionUse s = u.sections().get(i);
            out.append("\n").append(texts.get("stats.section", i + 1, SectionNames.html(s.sectionId(), texts),
                    s.times()));
        }
    }

    private String rolePlay(Usage.RolePlay p) {
        if (p.sessions() == 0) {
            return texts.get("stats.roleplay.none");
        }
        return texts.get("stats.roleplay", p.sessions(), p.trainees(), decimal(p.averageScore().orElse(0)));
    }

    static String percent(long part, long whole) {
        return whole == 0 ? "0%" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
    }

    private static String decimal(double x) {
        return String.format(Locale.ROOT, "%.1f", x);
    }
}
