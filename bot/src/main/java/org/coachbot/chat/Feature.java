package org.coachbot.chat;

import org.coachbot.text.Texts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What one part of the bot offers in the chat, declared in one place: its commands (with who may use them and
 * whether they are private-only), its button namespaces, its conversations and how it starts and stops. Help texts
 * come from the feature's own bundle {@code i18n/<name>.properties}: {@code help.<command>} and
 * {@code help.args.<command>}. The {@link CommandRouter} enforces what is declared here.
 */
public final class Feature {
    private static final Pattern COMMAND_NAME = Pattern.compile("[a-z][a-z0-9_]{0,31}");

    private final String name;
    private final Texts texts;
    private final List<CommandSpec> commands;
    private final List<ButtonSpace> buttons;
    private final List<Conversation> conversations;
    private final Map<String, CommandHandler> deepLinks;
    private final List<Consumer<Incoming>> listeners;
    private final MessageHandler plainText;
    private final DocumentSpec documents;
    private final Function<InlineQuery, List<InlineAnswer>> inline;
    private final Runnable start;
    private final Runnable stop;

    /** A command: Telegram allows 1–32 lower-case letters, digits and underscores. */
    public record CommandSpec(String name, Access access, boolean privateOnly, CommandHandler handler) {
        public CommandSpec {
            if (!COMMAND_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("a command name must be 1-32 of a-z 0-9 _, starting with a "
                        + "letter: " + name);
            }
            Objects.requireNonNull(access, "access must not be null");
            Objects.requireNonNull(handler, "handler must not be null");
        }
    }

    /** Buttons whose data starts with {@code prefix}, open to {@code access}. */
    public record ButtonSpace(String prefix, Access access, MessageHandler handler) {
        public ButtonSpace {
            if (prefix.isEmpty() || prefix.startsWith(CommandRouter.COMMAND_BUTTON)) {
                throw new IllegalArgumentException("a button prefix must not be empty nor start with "
                        + CommandRouter.COMMAND_BUTTON + ": \"" + prefix + "\"");
            }
            Objects.requireNonNull(access, "access must not be null");
            Objects.requireNonNull(handler, "handler must not be null");
        }
    }

    /** Documents users send, from those {@code access} allows. */
    public record DocumentSpec(Access access, MessageHandler handler) {
        public DocumentSpec {
            Objects.requireNonNull(access, "access must not be null");
            Objects.requireNonNull(handler, "handler must not be null");
        }
    }

    /** Plain text the feature takes while {@code active} holds for the user in that chat. */
    public record Conversation(BiPredicate<User, Long> active, MessageHandler handler) {
    }

    private Feature(Builder b) {
        this.name = b.name;
        this.texts = b.texts;
        this.commands = List.copyOf(b.commands);
        this.buttons = List.copyOf(b.buttons);
        this.conversations = List.copyOf(b.conversations);
        this.deepLinks = Map.copyOf(b.deepLinks);
        this.listeners = List.copyOf(b.listeners);
        this.plainText = b.plainText;
        this.documents = b.documents;
        this.inline = b.inline;
        this.start = b.start;
        this.stop = b.stop;
    }

    /** Starts declaring the feature {@code name}, whose texts are in {@code i18n/<name>.properties}. */
    public static Builder named(String name) {
        return new Builder(name, Texts.of(name));
    }

    public String name() {
        return name;
    }

    /** The feature's bundle: help lines and refusals. */
    public Texts texts() {
        return texts;
    }

    public List<CommandSpec> commands() {
        return commands;
    }

    public List<ButtonSpace> buttons() {
        return buttons;
    }

    public List<Conversation> conversations() {
        return conversations;
    }

    public Map<String, CommandHandler> deepLinks() {
        return deepLinks;
    }

    public List<Consumer<Incoming>> listeners() {
        return listeners;
    }

    /** What answers plain text no conversation takes; at most one feature declares it. */
    public Optional<MessageHandler> plainText() {
        return Optional.ofNullable(plainText);
    }

    /** Who may send documents and what handles them; at most one feature declares it. */
    public Optional<DocumentSpec> documents() {
        return Optional.ofNullable(documents);
    }

    public Optional<Function<InlineQuery, List<InlineAnswer>>> inline() {
        return Optional.ofNullable(inline);
    }

    /** Starts what the feature runs in the background (a watcher, a scheduler); once the front end can deliver. */
    public void start() {
        start.run();
    }

    /** Stops what {@link #start} started. */
    public void stop() {
        stop.run();
    }

    @Override
    public String toString() {
        return "feature " + name;
    }

    /** Collects a feature's declarations. */
    public static final class Builder {
        private final String name;
        private final Texts texts;
        private final List<CommandSpec> commands = new ArrayList<>();
        private final List<ButtonSpace> buttons = new ArrayList<>();
        private final List<Conversation> conversations = new ArrayList<>();
        private final Map<String, CommandHandler> deepLinks = new LinkedHashMap<>();
        private final List<Consumer<Incoming>> listeners = new ArrayList<>();
        private MessageHandler plainText;
        private DocumentSpec documents;
        private Function<InlineQuery, List<InlineAnswer>> inline;
        private Runnable start = () -> { };
        private Runnable stop = () -> { };

        private Builder(String name, Texts texts) {
            this.name = Objects.requireNonNull(name, "name must not be null");
            this.texts = texts;
        }

        /** A command that works in any chat. */
        public Builder command(String command, Access access, CommandHandler handler) {
            commands.add(new CommandSpec(command, access, false, handler));
            return this;
        }

        /**
         * A command that only makes sense in the private chat (a practice, personal progress): in a group the
         * router answers with a button that opens the private chat and runs the command there.
         */
        public Builder privateCommand(String command, Access access, CommandHandler handler) {
            commands.add(new CommandSpec(command, access, true, handler));
            return this;
        }

        /** Pressed buttons whose data starts with {@code prefix}; within a feature the longest prefix wins. */
        public Builder buttons(String prefix, Access access, MessageHandler handler) {
            buttons.add(new ButtonSpace(prefix, access, handler));
            return this;
        }

        /** Plain text while the feature holds a conversation with the user, e.g. a role-play session. */
        public Builder conversation(BiPredicate<User, Long> active, MessageHandler handler) {
            conversations.add(new Conversation(active, handler));
            return this;
        }

        /**
         * {@code /start <prefix><rest>}, what a private chat receives from a {@link Button#privateStart} link; the
         * handler gets {@code rest} as its argument.
         */
        public Builder deepLink(String prefix, CommandHandler handler) {
            deepLinks.put(prefix, Objects.requireNonNull(handler, "handler must not be null"));
            return this;
        }

        /** Sees every incoming message, before routing and in groups too, e.g. to remember people's names. */
        public Builder listener(Consumer<Incoming> listener) {
            listeners.add(Objects.requireNonNull(listener, "listener must not be null"));
            return this;
        }

        /** Answers plain text that no conversation takes. */
        public Builder plainText(MessageHandler handler) {
            this.plainText = Objects.requireNonNull(handler, "handler must not be null");
            return this;
        }

        /** Takes the documents users send, from those {@code access} allows. */
        public Builder documents(Access access, MessageHandler handler) {
            this.documents = new DocumentSpec(access, handler);
            return this;
        }

        /** Answers inline queries. */
        public Builder inline(Function<InlineQuery, List<InlineAnswer>> handler) {
            this.inline = Objects.requireNonNull(handler, "handler must not be null");
            return this;
        }

        /** What the feature starts once a front end can deliver, and how it stops. */
        public Builder lifecycle(Runnable start, Runnable stop) {
            this.start = Objects.requireNonNull(start, "start must not be null");
            this.stop = Objects.requireNonNull(stop, "stop must not be null");
            return this;
        }

        public Feature build() {
            return new Feature(this);
        }
    }
}
