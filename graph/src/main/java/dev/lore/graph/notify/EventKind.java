package dev.lore.graph.notify;

import java.util.Locale;
import java.util.Optional;

/** The kinds of things Lore tells people about, each with the channel used until a person picks one. */
public enum EventKind {
    /** A watched page was edited (collapsed per editor while unread). */
    PAGE_CHANGED(Channel.DIGEST),
    /** Someone a person watches wrote a new page, or a new page is about a watched skill. */
    NEW_PAGE(Channel.DIGEST),
    /** A new question about a watched skill, or by a watched person. */
    NEW_QUESTION(Channel.DIGEST),
    /** An answer to a question one asked or watches. */
    ANSWER(Channel.EMAIL),
    /** One's answer was accepted. */
    ANSWER_ACCEPTED(Channel.EMAIL),
    /** One's answer was marked helpful (collapsed per answer while unread). */
    ANSWER_VOTED(Channel.IN_APP),
    /** Someone said one's page taught them something (collapsed per page while unread). */
    PAGE_TAUGHT(Channel.IN_APP),
    /** A question was routed to one as a likely expert. */
    QUESTION_ROUTED(Channel.EMAIL),
    /** A question one asked of one person went unanswered and was routed to more experts. */
    QUESTION_ROUTED_FURTHER(Channel.IN_APP),
    /** A comment on one's content or on a watched page or question. */
    COMMENT(Channel.EMAIL),
    /** One was @mentioned. */
    MENTION(Channel.EMAIL),
    /** One received kudos. */
    KUDOS(Channel.EMAIL),
    /** A page one owns is past its review date (once per time it falls due). */
    PAGE_STALE(Channel.DIGEST),
    /** Content one owns (a page), asked or answered was flagged. */
    FLAGGED(Channel.EMAIL),
    /** For champions and admins: a new flag is waiting in the review queue. */
    REVIEW_FLAG(Channel.IN_APP),
    /** A page whose owner left or moved team was offered to one as its new owner. */
    HANDOVER_OFFERED(Channel.EMAIL),
    /** The person a page was offered to accepted or declined it (for whoever offered it). */
    HANDOVER_ANSWERED(Channel.IN_APP),
    /** For champions and the team: someone who owned pages left or moved team; the pages wait for new owners. */
    HANDOVER_QUEUE(Channel.IN_APP),
    /** A webhook one registered was switched off after failing repeatedly. */
    WEBHOOK_DISABLED(Channel.EMAIL),
    /** Someone suggested an edit to a page one owns. */
    EDIT_SUGGESTED(Channel.EMAIL),
    /** One's suggested edit was accepted (it is now a revision of the page). */
    SUGGESTION_ACCEPTED(Channel.EMAIL),
    /** One's suggested edit was declined, with the decider's note. */
    SUGGESTION_DECLINED(Channel.EMAIL),
    /** For champions and admins: a lesson learned waits for a champion to look at it before it is public. */
    LESSON_REVIEW(Channel.IN_APP),
    /** A champion sent flagged content one owns (or wrote) to one to fix. */
    FIX_REQUESTED(Channel.EMAIL),
    /** A flag one raised was settled: dismissed, sent to the owner to fix, or fixed. */
    FLAG_RESOLVED(Channel.IN_APP);

    private final Channel defaultChannel;

    EventKind(Channel defaultChannel) {
        this.defaultChannel = defaultChannel;
    }

    public Channel defaultChannel() {
        return defaultChannel;
    }

    /** The lower-case, dashed name used in JSON and preferences: page-changed, answer, mention ... */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<EventKind> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        for (EventKind k : values()) {
            if (k.id().equals(raw.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
