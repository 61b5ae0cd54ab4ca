package dev.lore.ui.view.notify;

import java.util.List;

/** One registered webhook in the admin list. */
public record WebhookRow(
        String id, String url, List<String> events, boolean active, int failures, String createdBy, String created) {}
