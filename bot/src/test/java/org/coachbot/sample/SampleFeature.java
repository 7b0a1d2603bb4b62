package org.coachbot.sample;

import org.coachbot.chat.Access;
import org.coachbot.chat.Feature;
import org.coachbot.chat.Reply;

import java.util.ArrayList;
import java.util.List;

/**
 * A feature as a newcomer would add one: this package and {@code i18n/sample.properties} are all it touches. It
 * declares {@code /echo} for everyone, {@code /wipe} for admins and {@code sm:} buttons for supervisors.
 */
final class SampleFeature {
    final List<String> wiped = new ArrayList<>();
    final List<String> pressed = new ArrayList<>();

    Feature feature() {
        return Feature.named("sample")
                .command("echo", Access.EVERYONE, (in, arg, out) -> out.send(Reply.html("echo " + arg)))
                .command("wipe", Access.ADMIN, (in, arg, out) -> wiped.add(in.user().name()))
                .buttons("sm:", Access.SUPERVISOR, (in, out) -> pressed.add(in.text()))
                .build();
    }
}
