package org.coachbot.chat;

import org.coachbot.chat.Feature.ButtonSpace;
import org.coachbot.chat.Feature.CommandSpec;
import org.coachbot.chat.Feature.Conversation;
import org.coachbot.chat.Feature.DocumentSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The declarations of every feature, checked as they are added: a command name, a button namespace or a start-link
 * prefix that two features would share is refused with an error naming both, so nothing is matched first-wins.
 */
final class Routes {
    /** A command and the feature that declared it. */
    record Route(Feature feature, CommandSpec spec) {
    }

    /** A button namespace and the feature that declared it. */
    record Press(Feature feature, ButtonSpace space) {
    }

    /** What answers one kind of message, and the feature that declared it. */
    record Owned<T>(Feature feature, T declared) {
    }

    private final Map<String, Route> commands = new LinkedHashMap<>();
    private final List<Press> buttons = new ArrayList<>();
    private final Map<String, Owned<CommandHandler>> deepLinks = new LinkedHashMap<>();
    private final List<Conversation> conversations = new ArrayList<>();
    private final List<Consumer<Incoming>> listeners = new ArrayList<>();
    private final List<Feature> features = new ArrayList<>();
    private Owned<MessageHandler> plainText;
    private Owned<DocumentSpec> documents;
    private Owned<Function<InlineQuery, List<InlineAnswer>>> inline;

    /** Adds a feature's declarations; throws naming the clash when one is already taken by another feature. */
    void add(Feature f) {
        for (CommandSpec c : f.commands()) {
            Route taken = commands.get(c.name());
            if (taken != null) {
                throw clash("command /" + c.name(), f, taken.feature());
            }
        }
        for (ButtonSpace b : f.buttons()) {
            for (Press p : buttons) {
                String other = p.space().prefix();
                boolean overlap = b.prefix().startsWith(other) || other.startsWith(b.prefix());
                if (overlap && (p.feature() != f || b.prefix().equals(p.space().prefix()))) {
                    throw clash("button namespace \"" + b.prefix() + "\" (overlapping \"" + p.space().prefix()
                            + "\")", f, p.feature());
                }
            }
        }
        for (String link : f.deepLinks().keySet()) {
            for (Map.Entry<String, Owned<CommandHandler>> e : deepLinks.entrySet()) {
                if (link.startsWith(e.getKey()) || e.getKey().startsWith(link)) {
                    throw clash("start link prefix \"" + link + "\" (overlapping \"" + e.getKey() + "\")", f,
                            e.getValue().feature());
                }
            }
        }
        plainText = single("plain text", f, f.plainText(), plainText);
        documents = single("documents", f, f.documents(), documents);
        inline = single("inline queries", f, f.inline(), inline);
        f.commands().forEach(c -> commands.put(c.name(), new Route(f, c)));
        f.buttons().forEach(b -> buttons.add(new Press(f, b)));
        f.deepLinks().forEach((prefix, handler) -> deepLinks.put(prefix, new Owned<>(f, handler)));
        conversations.addAll(f.conversations());
        listeners.addAll(f.listeners());
        features.add(f);
    }

    private static <T> Owned<T> single(String what, Feature f, Optional<T> declared, Owned<T> taken) {
        if (declared.isEmpty()) {
            return taken;
        }
        if (taken != null) {
            throw clash(what, f, taken.feature());
        }
        return new Owned<>(f, declared.get());
    }

    private static IllegalStateException clash(String what, Feature added, Feature owner) {
        return new IllegalStateException(what + " of " + added + " is already taken by " + owner
                + "; give each feature its own names and prefixes");
    }

    Optional<Route> command(String name) {
        return Optional.ofNullable(commands.get(name));
    }

    Iterable<Route> commands() {
        return commands.values();
    }

    /** The namespace a button's data falls in; the longest prefix wins, which only matters within a feature. */
    Optional<Press> button(String data) {
        Press best = null;
        for (Press p : buttons) {
            if (data.startsWith(p.space().prefix())
                    && (best == null || p.space().prefix().length() > best.space().prefix().length())) {
                best = p;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The start-link handler whose prefix begins {@code payload}, with the rest as its argument. */
    Optional<Map.Entry<String, CommandHandler>> deepLink(String payload) {
        return deepLinks.entrySet().stream().filter(e -> payload.startsWith(e.getKey()))
                .map(e -> Map.entry(payload.substring(e.getKey().length()), e.getValue().declared())).findFirst();
    }

    List<Conversation> conversations() {
        return conversations;
    }

    List<Consumer<Incoming>> listeners() {
        return listeners;
    }

    List<Feature> features() {
        return features;
    }

    Optional<MessageHandler> plainText() {
        return Optional.ofNullable(plainText).map(Owned::declared);
    }

    Optional<Owned<DocumentSpec>> documents() {
        return Optional.ofNullable(documents);
    }

    Optional<Function<InlineQuery, List<InlineAnswer>>> inline() {
        return Optional.ofNullable(inline).map(Owned::declared);
    }
}
