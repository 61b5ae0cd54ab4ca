package dev.lore.ui.view.taught;

import java.util.Optional;

/** One "this taught me something": who, when (relative, and the instant), and what they learned. */
public record TaughtNoteView(String personId, String personName, Optional<String> note, String ago, String iso) {}
