package dev.lore.ui.view.common;

/** An error page: status code, short title, and a sentence for a person (never a stack trace). */
public record ErrorView(int status, String title, String message) {}
