package dev.lore.ui.view.expertise;

/**
 * How to reach a person: email, chat and when they help others. Empty strings for what is unknown.
 *
 * @param chatUrl their chat address from the configured link, empty when no link is configured
 *     (the handle is then shown as text)
 * @param officeHours in their words, e.g. "I help with Kafka on Tuesdays 14-15"
 */
public record ContactView(String email, String chatHandle, String chatUrl, String officeHours) {
    /** Nothing to show: for panels shown to readers who may not see people's details. */
    public static final ContactView NONE = new ContactView("", "", "", "");

    public boolean isEmpty() {
        return email.isEmpty() && chatHandle.isEmpty() && officeHours.isEmpty();
    }
}
