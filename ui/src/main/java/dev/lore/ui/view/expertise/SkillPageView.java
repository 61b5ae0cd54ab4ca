package dev.lore.ui.view.expertise;

import dev.lore.ui.view.common.LinkView;
import dev.lore.ui.view.learning.CollectionView;
import java.util.List;

/**
 * A skill's page: what it is, experts, articles, related skills and other names. {@code
 * canDescribe} shows the description form (champions); {@code collections} are the featured
 * collections about the skill; {@code lessons} the lessons learned about it.
 */
public record SkillPageView(
        String name,
        String description,
        boolean canDescribe,
        List<String> aliases,
        List<ExpertView> experts,
        List<LinkView> articles,
        List<LinkView> related,
        List<CollectionView> collections,
        List<LinkView> lessons) {
    public SkillPageView(
            String name,
            String description,
            boolean canDescribe,
            List<String> aliases,
            List<ExpertView> experts,
            List<LinkView> articles,
            List<LinkView> related,
            List<CollectionView> collections) {
        this(name, description, canDescribe, aliases, experts, articles, related, collections, List.of());
    }
}
