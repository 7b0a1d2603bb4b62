package org.coachbot.knowledge;

/**
 * Thrown when a knowledge, scenario or rubric file breaks its format. The message reads
 * {@code file:line: reason}; fixing the file and loading it again is the only remedy, a retry does not help.
 */
public class KnowledgeFormatException extends RuntimeException {
    private final String file;
    private final int line;

    public KnowledgeFormatException(String file, int line, String reason) {
        super(file + ":" + line + ": " + reason);
        this.file = file;
        this.line = line;
    }

    public KnowledgeFormatException(String file, int line, String reason, Throwable cause) {
        super(file + ":" + line + ": " + reason, cause);
        this.file = file;
        this.line = line;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }
}
