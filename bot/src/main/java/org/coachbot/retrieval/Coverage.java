package org.coachbot.retrieval;

/** How a question stands to the training material. */
public enum Coverage {
    /** The material answers it: the hits are the sections to show. */
    COVERED,
    /**
     * About customer service, but the material does not cover it: the hits are only the nearest topics, to offer,
     * never to present as the answer.
     */
    UNCOVERED,
    /** Not about customer service at all. */
    OFF_TOPIC
}
