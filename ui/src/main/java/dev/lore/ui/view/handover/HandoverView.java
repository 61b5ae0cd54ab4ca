package dev.lore.ui.view.handover;

import java.util.List;
import java.util.Optional;

/**
 * The handover page: offers waiting for the viewer's answer, and the pages whose owner left or
 * moved team that the viewer may decide (all for champions, their team's for contributors).
 *
 * @param team the team the queue is narrowed to, empty for all
 * @param people whom a page can be offered to (id and name), for "pick someone else"
 */
public record HandoverView(
        List<OfferItem> offers,
        List<Page> queue,
        boolean decides,
        boolean wholeQueue,
        String team,
        List<Choice> people,
        List<Choice> archived) {
    /** A page waiting for a new owner. */
    public record Page(
            String slug,
            String title,
            String ownerId,
            String ownerName,
            String reason,
            String team,
            String since,
            List<String> skills,
            List<ProposalItem> proposals,
            Optional<String> pendingTo,
            Optional<String> declinedBy,
            boolean canKeep) {
        public String anchor() {
            return "page-" + slug;
        }
    }

    public record ProposalItem(String id, String name, String source, String why) {}

    /** A page offered to the viewer. */
    public record OfferItem(String id, String slug, String title, String why, String at) {}

    /** A person or a page, by key and name. */
    public record Choice(String id, String name) {}
}
