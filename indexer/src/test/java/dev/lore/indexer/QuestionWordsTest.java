package dev.lore.indexer;

import static dev.lore.indexer.TestDocs.doc;
import static dev.lore.indexer.TestDocs.slugs;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuestionWordsTest {
    @TempDir
    Path dir;

    @Test
    void aQuestionFindsThePagesAboutItsSubjectNotEveryPageWithWhoOrMy() {
        try (var index = LoreIndex.open(dir)) {
            index.apply(
                    List.of(
                            doc("who-we-are", "Who we are", "Who does what in my team, and who to ask."),
                            doc("first-week", "My first week", "What I did in my first week."),
                            doc("buddies", "Buddy programme", "Every new hire gets a buddy for the first month.")),
                    List.of(),
                    1);

            assertThat(slugs(index, "who is my buddy")).containsExactly("buddies");
            assertThat(slugs(index, "How do I find my buddy?")).containsExactly("buddies");
            // a search of question words alone still finds what has them
            assertThat(slugs(index, "who am I")).contains("who-we-are");
        }
    }

    @Test
    void questionWordsAreLeftOutOnlyWhenOtherWordsRemain() {
        assertThat(QuestionWords.meaningOf(List.of("who", "is", "my", "buddy"))).containsExactly("is", "buddy");
        assertThat(QuestionWords.meaningOf(List.of("Who", "knows", "Kafka?"))).containsExactly("knows", "Kafka?");
        assertThat(QuestionWords.meaningOf(List.of("who", "am", "I"))).containsExactly("who", "am", "I");
        assertThat(QuestionWords.isQuestionWord("How?")).isTrue();
        assertThat(QuestionWords.isQuestionWord("buddy")).isFalse();
    }
}
