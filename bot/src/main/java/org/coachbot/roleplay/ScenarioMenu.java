package org.coachbot.roleplay;

import org.coachbot.chat.Button;
import org.coachbot.chat.Reply;
import org.coachbot.roleplay.scenario.Scenario;
import org.coachbot.roleplay.scenario.ScenarioBook;
import org.coachbot.text.Texts;

import java.util.List;
import java.util.Optional;

/** The {@code /roleplay} menu: one button per scenario, easy to hard, and the ways a trainee may name one. */
final class ScenarioMenu {
    private final Texts texts;

    ScenarioMenu(Texts texts) {
        this.texts = texts;
    }

    /** The title with one button per scenario: difficulty stars, title and customer type. */
    Reply reply(ScenarioBook book, String titleHtml) {
        List<List<Button>> rows = book.scenarios().stream()
                .map(s -> List.of(new Button(texts.get("menu.button", stars(s), s.title(), s.customerType()),
                        RolePlayDesk.START + s.id())))
                .toList();
        return Reply.html(titleHtml, rows);
    }

    /** A scenario by id, by its number in the menu, or by its exact title. */
    static Optional<Scenario> find(ScenarioBook book, String argument) {
        List<Scenario> all = book.scenarios();
        if (argument.matches("\\d{1,3}")) {
            int n = Integer.parseInt(argument);
            return n >= 1 && n <= all.size() ? Optional.of(all.get(n - 1)) : Optional.empty();
        }
        return book.scenario(argument).or(() -> all.stream().filter(s -> s.title().equals(argument)).findFirst());
    }

    /** ★ per difficulty level, ☆ for the rest: ★★☆ is 进阶. */
    static String stars(Scenario s) {
        return "★".repeat(s.difficulty()) + "☆".repeat(3 - s.difficulty());
    }
}
