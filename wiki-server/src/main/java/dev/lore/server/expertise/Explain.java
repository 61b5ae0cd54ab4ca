package dev.lore.server.expertise;

import dev.lore.graph.expertise.ExpertiseStore.Closeness;
import dev.lore.graph.expertise.ExpertiseStore.PersonInfo;
import dev.lore.server.expertise.ExpertService.Evidence;
import dev.lore.server.expertise.ExpertService.Need;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Evidence in the words a colleague would use: "wrote 62% of 'Kafka consumer groups'". */
final class Explain {
    private Explain() {}

    static String expert(PersonInfo person, List<Evidence> evidence, Instant now) {
        var parts = new ArrayList<String>();
        var articles = evidence.stream().filter(e -> e.kind().equals("article")).toList();
        if (!articles.isEmpty()) {
            Evidence top = articles.getFirst();
            String first = top.share() >= 0.005
                    ? "wrote " + percent(top.share()) + " of '" + top.title() + "'"
                    : "edited '" + top.title() + "'";
            if (articles.size() > 1) {
                first += " and worked on " + count(articles.size() - 1, "more article", "more articles") + " on this";
            }
            parts.add(first);
        }
        var answers = evidence.stream().filter(e -> e.kind().equals("answer")).toList();
        if (!answers.isEmpty()) {
            long accepted = answers.stream().filter(e -> e.share() > 0).count();
            parts.add("answered " + count(answers.size(), "question", "questions") + " on this"
                    + (accepted > 0 ? " (" + accepted + " accepted)" : ""));
        }
        for (Evidence e : evidence) {
            if (e.kind().equals("skill")) {
                parts.add("lists " + e.skill() + " as a skill");
            }
        }
        for (Evidence e : evidence) {
            if (e.kind().equals("endorsement")) {
                parts.add("endorsed for " + e.skill() + " by " + count(e.count(), "colleague", "colleagues"));
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
            switch (e.kind()) {
                case "writing" ->
                    what.add("has written " + count(e.count(), "article", "articles") + " about " + e.skill());
                case "skill" -> what.add("lists " + e.skill() + " as a skill (" + e.title() + ")");
                case "endorsement" ->
                    what.add("is endorsed for " + e.skill() + " by " + count(e.count(), "colleague", "colleagues"));
                default -> {}
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
