package org.coachbot.insights;

/** What the bot did with an agent's question. */
public enum AnswerKind {
    /** A tip from the knowledge base. */
    TIP,
    /** Not about customer service: declined. */
    OFF_TOPIC,
    /** About customer service, but the training material does not cover it: declined and counted as a gap. */
    UNCOVERED,
    /** A caller in danger: the emergency steps of that kind, counted apart. */
    SAFETY
}
