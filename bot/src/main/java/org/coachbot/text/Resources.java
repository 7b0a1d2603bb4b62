package org.coachbot.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Files the product ships inside its jar (vocabularies, examples, word lists), read as UTF-8 text. */
public final class Resources {
    private Resources() {
    }

    /**
     * The text of a classpath resource.
     *
     * @throws IllegalStateException when the build left it out
     * @throws UncheckedIOException  when it cannot be read
     */
    public static String text(String resource) {
        try (InputStream in = Resources.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
