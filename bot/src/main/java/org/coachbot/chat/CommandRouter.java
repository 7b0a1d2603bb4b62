package org.coachbot.chat;

import org.coachbot.text.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The chat core: sends commands, buttons, documents and plain text to the feature that owns them, and answers
 * {@code /start}, {@code /help}, unknown commands and messages the bot cannot read. In a group it answers only what
 * is meant for it, refuses supervisor commands to others, and points private-only commands to the private chat.
 */
public final class CommandRouter implements ChatCore {
    /** Longer texts are refused: no question or customer line needs them, and they slow retrieval down. */
    public static final int MAX_TEXT_CHARS = 2000;
    private static final Logger log = LoggerFactory.getLogger(CommandRouter.class);

    private final Texts texts = Texts.of("chat");
    private final Map<String, Route> commands = new LinkedHashMap<>();
    private final Map<String, MessageHandler> buttons = new LinkedHashMap<>();
    private final List<Conversation> conversations = new ArrayList<>();
    private final Map<String, CommandHandler> deepLinks = new LinkedHashMap<>();
    private final List<Consumer<Incoming>> listeners = new ArrayList<>();
    private final MessageHandler fallbackText;
    private final MessageHandler documents;
    private Function<InlineQuery, List<InlineAnswer>> inline = q -> List.of();

    private record Route(CommandHandler handler, Access access, boolean privateOnly) {
    }

    private record Conversation(BiPredicate<User, Long> active, MessageHandler handler) {
    }

    /**
     * @param fallbackText plain text when no conversation claims it (the quick-tip answerer)
     * @param documents    documents sent to the bot (the knowledge admin, which refuses non-admins itself)
     */
    public CommandRouter(MessageHandler fallbackText, MessageHandler documents) {
        this.fallbackText = Objects.requireNonNull(fallbackText, "fallbackText must not be null");
        this.documents = Objects.requireNonNull(documents, "documents must not be null");
        command("start", this::start, Access.EVERYONE);
        command("help", (in, arg, out) -> out.send(Reply.html(help(in.user()))), Access.EVERYONE);
    }

    /** Registers a command; admin-only commands are hidden from other users' {@code /help}. */
    public CommandRouter command(String name, CommandHandler handler, boolean adminOnly) {
        return command(name, handler, adminOnly ? Access.ADMIN : Access.EVERYONE);
    }

    /** Registers a command open to {@code access}. */
    public CommandRouter command(String name, CommandHandler handler, Access access) {
        commands.put(name, new Route(handler, access, false));
        return this;
    }

    /**
     * Registers a command that only makes sense in the private chat (a practice, personal progress): in a group it
     * answers with a button that opens the private chat and runs the command there.
     */
    public CommandRouter privateCommand(String name, CommandHandler handler, Access access) {
        commands.put(name, new Route(handler, access, true));
        return this;
    }

    /**
     * Handles {@code /start <prefix><rest>}, which is what a user's private chat receives when they open a
     * {@link Button#privateStart} link; the handler gets {@code rest} as its argument.
     */
    public CommandRouter deepLink(String prefix, CommandHandler handler) {
        deepLinks.put(prefix, handler);
        return this;
    }

    /** Shows every incoming message, before routing and in groups too, e.g. to remember people's names. */
    public CommandRouter listener(Consumer<Incoming> listener) {
        listeners.add(listener);
        return this;
    }

    /** Answers inline queries; without one, inline queries get no results. */
    public CommandRouter inline(Function<InlineQuery, List<InlineAnswer>> handler) {
        this.inline = Objects.requireNonNull(handler, "handler must not be null");
        return this;
    }

    /** Sends pressed buttons whose data starts with {@code prefix} to the handler. */
    public CommandRouter buttons(String prefix, MessageHandler handler) {
        buttons.put(prefix, handler);
        return this;
    }

    /** Lets a feature claim plain text while it holds a conversation, e.g. a role-play session. */
    public CommandRouter conversation(BiPredicate<User, Long> active, MessageHandler handler) {
        conversations.add(new Conversation(active, handler));
        return this;
    }

    @Override
    public void handle(Incoming in, Responder out) {
        for (Consumer<Incoming> listener : listeners) {
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
            return inline.apply(query);
        } catch (RuntimeException e) {
            log.error("inline query failed for user {}", query.user().id(), e);
            return List.of();
        }
    }

    private void route(Incoming in, Responder out) {
        switch (in.kind()) {
            case UNSUPPORTED -> out.send(Reply.html(texts.get("unsupported")));
            case DOCUMENT -> documents.handle(in, out);
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
            Route route = commands.get(command.get().name());
            if (route == null) {
                out.send(Reply.html(texts.get("unknown", Html.escape("/" + command.get().name()))));
            } else {
                run(command.get().name(), route, in, command.get().argument(), out);
            }
            return;
        }
        for (Conversation c : conversations) {
            if (c.active().test(in.user(), in.chatId())) {
                c.handler().handle(in, out);
                return;
            }
        }
        fallbackText.handle(in, out);
    }

    private void run(String name, Route route, Incoming in, String argument, Responder out) {
        if (route.access() == Access.SUPERVISOR && !in.user().supervisor()) {
            out.send(Reply.html(texts.get("refused.supervisor", name)));
        } else if (route.privateOnly() && in.inGroup()) {
            out.send(Reply.html(texts.get("private.only", name),
                    List.of(List.of(Button.privateStart(texts.get("button.private"), name)))));
        } else {
            route.handler().handle(in, argument, out);
        }
    }

    /** {@code /start}: the greeting, or what a private-chat link asked for. */
    private void start(Incoming in, String argument, Responder out) {
        if (!argument.isEmpty() && !in.inGroup()) {
            for (Map.Entry<String, CommandHandler> e : deepLinks.entrySet()) {
                if (argument.startsWith(e.getKey())) {
                    e.getValue().handle(in, argument.substring(e.getKey().length()), out);
                    return;
                }
            }
            Route route = commands.get(argument);
            if (route != null && route.privateOnly()) {
                run(argument, route, in, "", out);
                return;
            }
        }
        out.send(Reply.html(texts.get("start") + "\n\n" + help(in.user())));
    }

    private void button(Incoming in, Responder out) {
        for (Map.Entry<String, MessageHandler> e : buttons.entrySet()) {
            if (in.text().startsWith(e.getKey())) {
                e.getValue().handle(in, out);
                return;
            }
        }
        out.send(Reply.html(texts.get("button.stale")));
    }

    /** The command list, with the admin commands only for admins. */
    public String help(User user) {
        StringBuilder out = new StringBuilder(texts.get("help.title"));
        for (Map.Entry<String, Route> e : commands.entrySet()) {
            if (e.getKey().equals("start") || !e.getValue().access().visibleTo(user)) {
                continue;
            }
            out.append("\n/").append(e.getKey()).append(texts.get("help.args." + e.getKey()))
                    .append(" — ").append(texts.get("help." + e.getKey()));
        }
        return out.toString();
    }

    /** Commands and descriptions for the front end's command menu (Telegram's setMyCommands). */
    public List<Map.Entry<String, String>> menu() {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        commands.forEach((name, route) -> out.add(Map.entry(name, texts.get("help." + name))));
        return out;
    }
}
