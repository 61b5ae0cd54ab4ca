package dev.lore.server.expertise;

import dev.lore.graph.expertise.Closeness;
import dev.lore.graph.expertise.PersonInfo;
import dev.lore.server.expertise.Advice.Need;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Evidence in the words a colleague would use: "wrote 62% of 'Kafka consumer groups'". */
final class Explain {
    /** How much more of the history than of the current text makes "wrote" speak of the history. */
    static final double REWRITTEN = 0.15;

    private Explain() {}

    static String expert(PersonInfo person, List<Evidence> evidence, Instant now) {
        var parts = new ArrayList<String>();
        var articles = evidence.stream()
                .filter(Evidence.Article.class::isInstance)
                .map(Evidence.Article.class::cast)
                .toList();
        if (!articles.isEmpty()) {
            String first = wrote(articles.getFirst());
            if (articles.size() > 1) {
                first += " and worked on " + count(articles.size() - 1, "more article", "more articles") + " on this";
            }
            parts.add(first);
        }
        var answers = evidence.stream()
                .filter(Evidence.Answer.class::isInstance)
                .map(Evidence.Answer.class::cast)
                .toList();
        if (!answers.isEmpty()) {
            long accepted = answers.stream().filter(Evidence.Answer::accepted).count();
            parts.add("answered " + count(answers.size(), "question", "questions") + " on this"
                    + (accepted > 0 ? " (" + accepted + " accepted)" : ""));
        }
        var taught = evidence.stream()
                .filter(Evidence.Teaching.class::isInstance)
                .map(Evidence.Teaching.class::cast)
                .toList();
        if (!taught.isEmpty()) {
            Evidence.Teaching top = taught.getFirst();
            parts.add(count(top.learners(), "person", "people") + " learned from '" + top.title() + "'"
                    + (taught.size() > 1 ? " and " + count(taught.size() - 1, "more page", "more pages") : ""));
        }
        for (Evidence e : evidence) {
            if (e instanceof Evidence.Skill s) {
                parts.add("lists " + s.skill() + " as a skill");
            }
        }
        for (Evidence e : evidence) {
            if (e instanceof Evidence.Endorsement en) {
                parts.add("endorsed for " + en.skill() + " by " + count(en.endorsers(), "colleague", "colleagues"));
            }
        }
        person.lastActive().ifPresent(at -> parts.add("last active " + ago(at, now)));
        return capitalise(String.join(", ", parts)) + (parts.isEmpty() ? "" : ".");
    }

    static String suggestion(
            PersonInfo person,
            Need need,
            List<Evidence> evidence,
            Closeness closeness,
            int others,
            Optional<String> myTeam) {
        String name = firstName(person.name());
        var what = new ArrayList<String>();
        for (Evidence e : evidence) {
            switch (e) {
                case Evidence.Writing w ->
                    what.add("has written " + count(w.articles(), "article", "articles") + " about " + w.skill());
                case Evidence.Skill sk ->
                    what.add(
                            "lists " + sk.skill() + " as a skill (" + sk.level().orElse(null) + ")");
                case Evidence.Endorsement en ->
                    what.add("is endorsed for " + en.skill() + " by "
                            + count(en.endorsers(), "colleague", "colleagues"));
                case Evidence.Article a -> {}
                case Evidence.Answer a -> {}
                case Evidence.Teaching t -> {}
            }
        }
        var sentence = new StringBuilder(name)
                .append(' ')
                .append(what.isEmpty() ? "knows " + need.skill().name() : join(what))
                .append(". Suggested because ")
                .append(need.reason())
                .append('.');
        if (closeness != null && closeness.sameTeam() && myTeam.isPresent()) {
            sentence.append(" ")
                    .append(name)
                    .append(" is on your team (")
                    .append(myTeam.get())
                    .append(").");
        }
        if (closeness != null && closeness.sharedArticles() > 0) {
            sentence.append(" You have worked on ")
                    .append(count(closeness.sharedArticles(), "article", "articles"))
                    .append(" together.");
        } else if (closeness != null && closeness.sharedCoauthors() > 0) {
            sentence.append(" You share ")
                    .append(count(closeness.sharedCoauthors(), "co-author", "co-authors"))
                    .append(".");
        }
        if (others >= 3) {
            sentence.append(" Already suggested to ")
                    .append(count(others, "person", "people"))
                    .append(" this month, so others may have more time.");
        }
        return sentence.toString();
    }

    /**
     * What a person did to an article: their share of its current text, or, when most of what they
     * wrote has since been rewritten, what they added over its history and when they started.
     */
    static String wrote(Evidence.Article a) {
        String title = "'" + a.title() + "'";
        String since = a.firstAt()
                .map(at -> " in " + at.atZone(java.time.ZoneOffset.UTC).getYear())
                .orElse("");
        if (a.share() >= 0.005 && a.share() >= a.addedShare() - REWRITTEN) {
            return "wrote " + percent(a.share()) + " of " + title;
        }
        if (a.addedShare() >= 0.5) {
            return "wrote most of the first versions of " + title + since;
        }
        if (a.addedShare() >= 0.005) {
            return "wrote " + percent(a.addedShare()) + " of all that was ever added to " + title
                    + (since.isEmpty() ? "" : ", from" + since.substring(3));
        }
        return "edited " + title;
    }

    static String ago(Instant at, Instant now) {
        long days = Math.max(0, Duration.between(at, now).toDays());
        if (days == 0) {
            return "today";
        }
        if (days < 14) {
            return count((int) days, "day", "days") + " ago";
        }
        if (days < 60) {
            return count((int) (days / 7), "week", "weeks") + " ago";
        }
        if (days < 730) {
            return count((int) (days / 30), "month", "months") + " ago";
        }
        return count((int) (days / 365), "year", "years") + " ago";
    }

    private static String percent(double share) {
        return Math.round(share * 100) + "%";
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    private static String join(List<String> parts) {
        if (parts.size() == 1) {
            return parts.getFirst();
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.getLast();
    }

    private static String firstName(String name) {
        int space = name.indexOf(' ');
        return space > 0 ? name.substring(0, space) : name;
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
