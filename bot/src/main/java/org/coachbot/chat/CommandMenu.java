package org.coachbot.chat;

import java.util.List;
import java.util.Map;

/**
 * The command menus a front end registers (Telegram's setMyCommands), one per scope: what everybody sees in a
 * private chat, in a group, and what supervisors and administrators see in their own private chats. Each entry is
 * a command name without the slash and its one-line description.
 */
public record CommandMenu(List<Map.Entry<String, String>> privateChats, List<Map.Entry<String, String>> groups,
                          List<Map.Entry<String, String>> supervisors, List<Map.Entry<String, String>> admins) {
    /** No menu at all. */
    public static final CommandMenu NONE = everywhere(List.of());

    public CommandMenu {
        privateChats = List.copyOf(privateChats);
        groups = List.copyOf(groups);
        supervisors = List.copyOf(supervisors);
        admins = List.copyOf(admins);
    }

    /** The same commands in every scope. */
    public static CommandMenu everywhere(List<Map.Entry<String, String>> commands) {
        return new CommandMenu(commands, commands, commands, commands);
    }

    /** True when no scope has a command. */
    public boolean isEmpty() {
        return privateChats.isEmpty() && groups.isEmpty() && supervisors.isEmpty() && admins.isEmpty();
    }
}
