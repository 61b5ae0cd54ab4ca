package dev.lore.server.question;

import dev.lore.server.error.InvalidInputException;
import dev.lore.server.error.TooLargeException;
import dev.lore.server.web.Requests;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The checks on what someone asks or answers: a title, a Markdown body within its size, and skills. */
final class QuestionInput {
    private static final int MAX_SKILLS = 30;
    private static final int MAX_SKILL_LENGTH = 60;

    private QuestionInput() {}

    static String title(String raw) {
        return Requests.requiredText(raw, "title", QuestionService.MAX_TITLE);
    }

    static String markdown(String raw, String name, boolean required) {
        String text = raw == null ? "" : raw;
        if (required && text.isBlank()) {
            throw new InvalidInputException(name + " is required");
        }
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > QuestionService.MAX_MARKDOWN_BYTES) {
            throw new TooLargeException(name + " is " + bytes + " bytes of Markdown; the limit is "
                    + QuestionService.MAX_MARKDOWN_BYTES + " (1 MiB)");
        }
        return text;
    }

    static List<String> skills(List<String> raw) {
        List<String> skills = raw == null
                ? List.of()
                : raw.stream()
                        .filter(s -> s != null && !s.isBlank())
                        .map(String::strip)
                        .distinct()
                        .toList();
        if (skills.size() > MAX_SKILLS) {
            throw new InvalidInputException("at most " + MAX_SKILLS + " skills, was " + skills.size());
        }
        for (String s : skills) {
            if (s.length() > MAX_SKILL_LENGTH) {
                throw new InvalidInputException(
                        "a skill must be at most " + MAX_SKILL_LENGTH + " characters, was " + s.length());
            }
        }
        return skills;
    }
}
