package dev.lore.graph.notify;

import java.util.Locale;

/** The actions after which a person watches what they acted on, unless switched off in preferences. */
public enum AutoWatch {
    CREATE,
    EDIT,
    ASK,
    ANSWER,
    COMMENT;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The preference property that switches this off when false. */
    String property() {
        return "auto_" + id();
    }
}
