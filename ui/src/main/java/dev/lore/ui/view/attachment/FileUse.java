package dev.lore.ui.view.attachment;

/** A page that shows or links a file: its title and address. */
public record FileUse(String title, String url) {}
