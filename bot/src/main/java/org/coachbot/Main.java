package org.coachbot;

/** Entry point: wires the bot by hand. */
public final class Main {
    public static void main(String[] args) {
    }
}
