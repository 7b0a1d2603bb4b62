package org.coachbot.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.coachbot.team.AssignmentRefusedException;
import org.coachbot.team.Target;
import org.coachbot.text.Texts;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dashboard's JSON API, for a supervisor whose {@code initData} was already checked: {@code GET team},
 * {@code weeks}, {@code targets}, {@code trainees/<id>}, {@code sessions/<id>} and {@code POST assign}.
 */
final class DashboardApi {
    /** Trainees in one assignment request: a whole team of 500 with room to spare. */
    static final int MAX_TRAINEES = 2000;
    private static final Pattern TRAINEE = Pattern.compile("trainees/(-?\\d{1,19})");
    private static final Pattern SESSION = Pattern.compile("sessions/(\\d{1,19})");
    private static final ObjectMapper JSON = new ObjectMapper();
    private final TeamBoard board;
    private final Texts texts;

    /** An answer: HTTP status and JSON body. */
    record Answer(int status, byte[] json) {
    }

    DashboardApi(TeamBoard board, Texts texts) {
        this.board = board;
        this.texts = texts;
    }

    /** Answers {@code route} (the path after {@code api/}) for the signed-in supervisor. */
    Answer handle(String method, String route, byte[] body, InitData who) throws IOException {
        boolean get = method.equals("GET");
        if (get && route.equals("team")) {
            return ok(board.table(who.name()));
        }
        if (get && route.equals("weeks")) {
            return ok(board.weeks());
        }
        if (get && route.equals("targets")) {
            return ok(board.targets());
        }
        Matcher m = TRAINEE.matcher(route);
        if (get && m.matches()) {
            return found(board.trainee(Long.parseLong(m.group(1))));
        }
        m = SESSION.matcher(route);
        if (get && m.matches()) {
            return found(board.call(Long.parseLong(m.group(1))));
        }
        if (method.equals("POST") && route.equals("assign")) {
            return assign(body, who);
        }
        return error(404, "not.found");
    }

    private Answer assign(byte[] body, InitData who) throws IOException {
        List<Long> trainees = new ArrayList<>();
        Target target;
        LocalDate due;
        try {
            JsonNode request = JSON.readTree(body);
            JsonNode ids = request.path("trainees");
            if (!ids.isArray() || ids.size() > MAX_TRAINEES) {
                return error(400, "bad.request");
            }
            for (JsonNode id : ids) {
                if (!id.canConvertToLong()) {
                    return error(400, "bad.request");
                }
                trainees.add(id.asLong());
            }
            target = new Target(Target.Kind.valueOf(request.path("kind").asText().toUpperCase(Locale.ROOT)),
                    request.path("target").asText());
            due = LocalDate.parse(request.path("due").asText());
        } catch (IOException | IllegalArgumentException | DateTimeException e) {
            return error(400, "bad.request");
        }
        try {
            int made = board.assign(who.userId(), trainees, target, due).size();
            return ok(new Views.Assigned(made, texts.get("assign.created", made, due.toString())));
        } catch (AssignmentRefusedException e) {
            return error(e.reason() == AssignmentRefusedException.Reason.TARGET_GONE ? 409 : 400,
                    "refused." + e.reason().name());
        }
    }

    private Answer found(Optional<?> view) throws IOException {
        return view.isPresent() ? ok(view.get()) : error(404, "not.found");
    }

    private static Answer ok(Object view) throws IOException {
        return new Answer(200, JSON.writeValueAsBytes(view));
    }

    /** An error the page shows as it is: {@code {"error": key, "message": text}}. */
    Answer error(int status, String key) throws IOException {
        return new Answer(status, JSON.writeValueAsBytes(Map.of("error", key, "message", texts.get(key))));
    }
}
