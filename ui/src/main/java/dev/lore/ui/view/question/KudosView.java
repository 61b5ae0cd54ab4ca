package dev.lore.ui.view.question;

/** Kudos received: from whom, for what (title and URL), the note and when. */
public record KudosView(String fromId, String fromName, String title, String url, String note, String ago) {}
