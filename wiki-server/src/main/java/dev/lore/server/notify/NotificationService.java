package dev.lore.server.notify;

import dev.lore.graph.expertise.SkillNames;
import dev.lore.graph.notify.Notification;
import dev.lore.graph.notify.NotificationStore;
import dev.lore.graph.notify.PreferenceStore;
import dev.lore.graph.notify.Preferences;
import dev.lore.graph.notify.Subject;
import dev.lore.graph.notify.Watch;
import dev.lore.graph.notify.WatchKind;
import dev.lore.server.error.InvalidInputException;
import dev.lore.server.error.NotFoundException;
import java.time.Clock;
import java.util.List;

/** A person's inbox, watches and preferences, with input checked. Thread-safe. */
public final class NotificationService {
    public static final int MAX_IDS = 500;

    private final NotificationStore notifications;
    private final dev.lore.graph.notify.WatchStore watches;
    private final PreferenceStore preferences;
    private final Clock clock;

    public NotificationService(
            NotificationStore notifications,
            dev.lore.graph.notify.WatchStore watches,
            PreferenceStore preferences,
            Clock clock) {
        this.notifications = notifications;
        this.watches = watches;
        this.preferences = preferences;
        this.clock = clock;
    }

    /** A watchable thing from its kind's name and key as typed (a skill by any of its spellings). */
    public static Subject subject(String rawKind, String rawTarget) {
        WatchKind kind = WatchKind.parse(rawKind)
                .orElseThrow(
                        () -> new InvalidInputException("kind must be article, question, skill, path or person, was '"
                                + (rawKind == null ? "" : abbreviate(rawKind)) + "'"));
        if (rawTarget == null || rawTarget.isBlank() || rawTarget.length() > 300) {
            throw new InvalidInputException("target must be 1-300 characters: the slug, id or skill name");
        }
        String target = rawTarget.strip();
        if (kind == WatchKind.SKILL) {
            target = SkillNames.of(target)
                    .map(SkillNames.Skill::key)
                    .orElseThrow(
                            () -> new InvalidInputException("'" + abbreviate(rawTarget) + "' is not a skill name"));
        }
        return new Subject(kind, target);
    }

    public void watch(String personId, Subject subject) {
        if (!watches.watch(personId, subject, false, clock.instant())) {
            throw new NotFoundException("no " + subject.kind().id() + " '" + subject.key() + "' to watch");
        }
    }

    /** Stops watching; not watching already is fine (the result is the same). */
    public boolean unwatch(String personId, Subject subject) {
        return watches.unwatch(personId, subject);
    }

    public boolean watches(String personId, Subject subject) {
        return watches.watches(personId, subject);
    }

    public List<Watch> watching(String personId) {
        return watches.list(personId);
    }

    public List<Notification> inbox(String personId, int offset, int limit) {
        return notifications.inbox(personId, offset, limit);
    }

    public int unread(String personId) {
        return notifications.unread(personId);
    }

    public int markRead(String personId, List<String> ids) {
        if (ids.size() > MAX_IDS) {
            throw new InvalidInputException("ids must be at most " + MAX_IDS + ", was " + ids.size());
        }
        return notifications.markRead(
                personId, ids.stream().filter(id -> id != null).toList());
    }

    public int markAllRead(String personId) {
        return notifications.markAllRead(personId);
    }

    public Preferences preferences(String personId) {
        return preferences.get(personId);
    }

    public void setPreferences(String personId, Preferences prefs) {
        preferences.put(personId, prefs);
    }

    /** Switches all email off for a person, as an unsubscribe link asks. */
    public void unsubscribe(String personId) {
        if (!preferences.emailOff(personId, clock.instant())) {
            throw new NotFoundException("no such person");
        }
    }

    private static String abbreviate(String v) {
        return v.length() > 40 ? v.substring(0, 40) + "…" : v;
    }
}
