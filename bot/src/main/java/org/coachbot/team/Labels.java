package org.coachbot.team;

import org.coachbot.chat.Html;
import org.coachbot.roleplay.scenario.Dimension;
import org.coachbot.roleplay.scenario.Scenario;
import org.coachbot.roleplay.scenario.ScenarioBook;
import org.coachbot.text.Texts;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the team feature names things in messages: targets, dimensions, levels and dates. */
final class Labels {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M月d日(EEE)", Locale.CHINA);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("MM-dd", Locale.ROOT);
    private final Texts texts;

    Labels(Texts texts) {
        this.texts = texts;
    }

    /** A dimension's name in the current rubric, or its id when the rubric no longer has it. */
    static String dimension(ScenarioBook book, String id) {
        return book.rubric().flatMap(r -> r.dimension(id)).map(Dimension::name).orElse(id);
    }

    static String scenario(ScenarioBook book, String id) {
        return book.scenario(id).map(Scenario::title).orElse(id);
    }

    /** What an assignment asks for, escaped: 「酒店客人洗澡没有热水」 or 专项练习「同理心」. */
    String target(ScenarioBook book, Target target) {
        return switch (target.kind()) {
            case SCENARIO -> texts.get("target.scenario", Html.escape(scenario(book, target.id())));
            case DIMENSION -> texts.get("target.dimension", Html.escape(dimension(book, target.id())));
        };
    }

    String level(int level) {
        return texts.get("level." + level);
    }

    /** 3月8日(周六). */
    static String day(LocalDate date) {
        return DAY.format(date);
    }

    /** 03-08, in the zone. */
    static String shortDay(Instant at, ZoneId zone) {
        return SHORT.format(at.atZone(zone));
    }
}
