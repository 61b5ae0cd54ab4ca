package dev.lore.ui.view.notify;

import java.util.List;

/** The inbox page: notifications newest first, the unread count, and the offset of the next page if any. */
public record InboxView(List<NotificationItem> items, int unread, int offset, boolean more) {}
