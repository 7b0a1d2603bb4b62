package org.coachbot.chat;

import org.coachbot.chat.Feature.ButtonSpace;
import org.coachbot.text.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The chat core: sends commands, buttons, documents and plain text to the feature that declared them, after checking
 * who may use them and where, and answers {@code /start}, {@code /help}, unknown commands and messages the bot cannot
 * read. In a group it answers only what is meant for it and points private-only commands to the private chat.
 */
public final class CommandRouter implements ChatCore {
    /** Longer texts are refused: no question or customer line needs them, and they slow retrieval down. */
    public static final int MAX_TEXT_CHARS = 2000;
    /** Button data that starts with this runs the command after it, as if typed: {@code /progress}. */
    public static final String COMMAND_BUTTON = "/";
    private static final Logger log = LoggerFactory.getLogger(CommandRouter.class);

    private final Texts texts = Texts.of("chat");
    private final Routes routes = new Routes();

    /** A router with {@code /start} and {@code /help} only; {@link #add} the features. */
    public CommandRouter() {
        routes.add(Feature.named("chat")
                .command("start", Access.EVERYONE, this::start)
                .command("help", Access.EVERYONE, (in, arg, out) -> out.send(Reply.html(help(in.user()))))
                .build());
    }

    /** A router serving these features, in this order in {@code /help}. */
    public CommandRouter(List<Feature> features) {
        this();
        features.forEach(this::add);
    }

    /**
     * Adds a feature's commands, buttons and conversations.
     *
     * @throws IllegalStateException when a command, button namespace or start link is already another feature's
     */
    public CommandRouter add(Feature feature) {
        routes.add(feature);
        return this;
    }

    /** The features added, in order. */
    public List<Feature> features() {
        return List.copyOf(routes.features());
    }

    @Override
    public void handle(Incoming in, Responder out) {
        for (var listener : routes.listeners()) {
            try {
                listener.accept(in);
            } catch (RuntimeException e) {
                // Remembering a name must never cost the user their answer.
                log.warn("listener failed for user {} in chat {}", in.user().id(), in.chatId(), e);
            }
        }
        if (!in.where().addressed() && in.kind() != Incoming.Kind.BUTTON) {
            return; // group chatter that is not meant for the bot
        }
        try {
            route(in, out);
        } catch (RuntimeException e) {
            log.error("handler failed for user {} in chat {}", in.user().id(), in.chatId(), e);
            out.send(Reply.html(texts.get("error")));
        }
    }

    @Override
    public List<InlineAnswer> inline(InlineQuery query) {
        try {
            return routes.inline().map(handler -> handler.apply(query)).orElse(List.of());
        } catch (RuntimeException e) {
            log.error("inline query failed for user {}", query.user().id(), e);
            return List.of();
        }
    }

    private void route(Incoming in, Responder out) {
        switch (in.kind()) {
            case UNSUPPORTED -> out.send(Reply.html(texts.get("unsupported")));
            case DOCUMENT -> document(in, out);
            case BUTTON -> button(in, out);
            case TEXT -> text(in, out);
        }
    }

    private void text(Incoming in, Responder out) {
        if (in.text().isBlank()) {
            out.send(Reply.html(texts.get("unsupported")));
            return;
        }
        if (in.text().length() > MAX_TEXT_CHARS) {
            out.send(Reply.html(texts.get("too.long", in.text().length(), MAX_TEXT_CHARS)));
            return;
        }
        var command = Command.parse(in.text());
        if (command.isPresent()) {
            run(command.get(), in, out);
            return;
        }
        for (Feature.Conversation c : routes.conversations()) {
            if (c.active().test(in.user(), in.chatId())) {
                c.handler().handle(in, out);
                return;
            }
        }
        routes.plainText().orElse((i, o) -> o.send(Reply.html(help(i.user())))).handle(in, out);
    }

    private void run(Command command, Incoming in, Responder out) {
        var found = routes.command(command.name());
        if (found.isEmpty()) {
            out.send(Reply.html(texts.get("unknown", Html.escape("/" + command.name()))));
            return;
        }
        Routes.Route route = found.get();
        if (!route.spec().access().allows(in.user())) {
            refuse(route.feature(), "command", route.spec().access(), command.name(), in, out);
        } else if (route.spec().privateOnly() && in.inGroup()) {
            out.send(Reply.html(texts.get("private.only", command.name()),
                    List.of(List.of(Button.privateStart(texts.get("button.private"), command.name())))));
        } else {
            route.spec().handler().handle(in, command.argument(), out);
        }
    }

    /** {@code /start}: the greeting, or what a private-chat link asked for. */
    private void start(Incoming in, String argument, Responder out) {
        if (!argument.isEmpty() && !in.inGroup()) {
            var link = routes.deepLink(argument);
            if (link.isPresent()) {
                link.get().getValue().handle(in, link.get().getKey(), out);
                return;
            }
            var route = routes.command(argument);
            if (route.isPresent() && route.get().spec().privateOnly()) {
                run(new Command(argument, ""), in, out);
                return;
            }
        }
        out.send(Reply.html(texts.get("start") + "\n\n" + help(in.user())));
    }

    private void button(Incoming in, Responder out) {
        if (in.text().startsWith(COMMAND_BUTTON)) {
            var command = Command.parse(in.text());
            if (command.isPresent() && routes.command(command.get().name()).isPresent()) {
                run(command.get(), in, out);
                return;
            }
        }
        var press = routes.button(in.text());
        if (press.isEmpty()) {
            out.send(Reply.html(texts.get("button.stale")));
            return;
        }
        ButtonSpace space = press.get().space();
        if (space.access().allows(in.user())) {
            space.handler().handle(in, out);
        } else {
            refuse(press.get().feature(), "button", space.access(), in.text(), in, out);
        }
    }

    private void document(Incoming in, Responder out) {
        var owned = routes.documents();
        if (owned.isEmpty()) {
            out.send(Reply.html(texts.get("unsupported")));
            return;
        }
        Feature.DocumentSpec documents = owned.get().declared();
        if (documents.access().allows(in.user())) {
            documents.handler().handle(in, out);
        } else {
            refuse(owned.get().feature(), "document", documents.access(), in.document().fileName(), in, out);
        }
    }

    /**
     * Says no in the feature's words when its bundle has {@code refused.<kind>} or {@code refused}, else in the
     * core's words for the access level; {@code what} (a command name) fills in {@code {0}}.
     */
    private void refuse(Feature feature, String kind, Access access, String what, Incoming in, Responder out) {
        log.warn("user {} was refused {} {} of {} ({} only)", in.user().id(), kind, clip(what), feature, access);
        Texts own = feature.texts();
        String text = own.has("refused." + kind) ? own.get("refused." + kind, what)
                : own.has("refused") ? own.get("refused", what)
                : texts.get("refused." + kind + "." + access.name().toLowerCase(Locale.ROOT), what);
        out.send(Reply.html(text));
    }

    private static String clip(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }

    /** The commands this user may use, each with its help line from its feature's bundle. */
    public String help(User user) {
        StringBuilder out = new StringBuilder(texts.get("help.title"));
        for (Routes.Route r : routes.commands()) {
            if (r.spec().name().equals("start") || !r.spec().access().allows(user)) {
                continue;
            }
            out.append("\n/").append(r.spec().name()).append(arguments(r)).append(" — ").append(line(r));
        }
        return out.toString();
    }

    /** The command menus per scope, for the front end to register (Telegram's setMyCommands). */
    public CommandMenu menu() {
        List<Map.Entry<String, String>> everyone = new ArrayList<>();
        List<Map.Entry<String, String>> groups = new ArrayList<>();
        List<Map.Entry<String, String>> supervisors = new ArrayList<>();
        List<Map.Entry<String, String>> admins = new ArrayList<>();
        for (Routes.Route r : routes.commands()) {
            var entry = Map.entry(r.spec().name(), line(r));
            Access access = r.spec().access();
            if (access == Access.EVERYONE || access == Access.TRAINEE) {
                everyone.add(entry);
                if (!r.spec().privateOnly() && !r.spec().name().equals("start")) {
                    groups.add(entry);
                }
            }
            if (access != Access.ADMIN) {
                supervisors.add(entry);
            }
            admins.add(entry);
        }
        return new CommandMenu(everyone, groups, supervisors, admins);
    }

    private static String line(Routes.Route r) {
        return r.feature().texts().get("help." + r.spec().name());
    }

    private static String arguments(Routes.Route r) {
        String key = "help.args." + r.spec().name();
        return r.feature().texts().has(key) ? r.feature().texts().get(key) : "";
    }
}
