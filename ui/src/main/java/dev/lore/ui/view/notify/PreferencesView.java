package dev.lore.ui.view.notify;

import java.util.List;
import java.util.Map;

/**
 * The notification preferences page.
 *
 * @param autoWatch per action (create, edit, ask, answer, comment), whether it makes one watch
 * @param emailOn whether this Lore sends email at all
 */
public record PreferencesView(
        List<PreferenceRow> rows,
        Map<String, Boolean> autoWatch,
        String digest,
        int digestHour,
        String digestDay,
        String zone,
        boolean emailOff,
        boolean emailOn,
        boolean saved) {}
