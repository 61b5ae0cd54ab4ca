package dev.lore.server.expertise;

import dev.lore.graph.expertise.PersonInfo;
import dev.lore.ui.view.expertise.ContactView;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * How pages show a person's contact details: email, chat (a link when {@code LORE_CHAT_LINK} is
 * set) and office hours.
 *
 * @param chatLink an http(s) address with {@code {handle}} where the handle goes
 */
public record Contacts(Optional<String> chatLink) {
    public static final Contacts NO_CHAT_LINK = new Contacts(Optional.empty());

    public ContactView of(PersonInfo p) {
        return of(p.email(), p.chat(), p.officeHours());
    }

    public ContactView of(String email, String chat, String officeHours) {
        String url = chat.isEmpty()
                ? ""
                : chatLink.map(link -> link.replace(
                                "{handle}",
                                URLEncoder.encode(chat, StandardCharsets.UTF_8).replace("+", "%20")))
                        .orElse("");
        return new ContactView(email, chat, url, officeHours);
    }
}
