package dev.lore.server.lesson;

import dev.lore.graph.Graph;
import dev.lore.graph.lesson.LessonStore;
import dev.lore.graph.pagetemplate.TemplateStore;
import dev.lore.graph.person.Person;
import dev.lore.server.article.ArticleService;
import dev.lore.server.auth.AuthAudit;
import dev.lore.server.notify.Notifier;
import dev.lore.server.pagetemplate.PageTemplates;
import dev.lore.server.pagetemplate.TemplateRoutes;
import dev.lore.server.person.PersonService;
import dev.lore.server.web.Pages;
import dev.lore.ui.view.common.LinkView;
import io.javalin.config.RoutesConfig;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;

/**
 * Builds the lessons-learned feature and the page templates once, for the composition root: the
 * service, its pages (also the article page's lesson banner), the skill page's lesson list, and
 * the routes of both.
 */
public record LessonWiring(LessonService lessons, PageTemplates templates, LessonPages pages, Pages chrome) {
    public static LessonWiring of(
            Graph graph,
            ArticleService articles,
            Notifier notifier,
            AuthAudit audit,
            Clock clock,
            Runnable catchUp,
            Pages pages,
            PersonService people) {
        Function<String, String> personName =
                id -> people.find(id).map(Person::name).orElse(id);
        var lessons = new LessonService(new LessonStore(graph), articles, notifier, audit, clock, catchUp);
        var templates = new PageTemplates(new TemplateStore(graph), clock);
        // the lesson template never names its author: the lesson may be shared by the team
        var lessonPages = new LessonPages(
                lessons, articles, pages, clock, author -> templates.fill("lesson", "", ""), personName);
        return new LessonWiring(lessons, templates, lessonPages, pages);
    }

    /** A page template filled in for a new page by {@code author}. */
    public String fill(String name, String title, Person author) {
        return templates.fill(name, title, author.name());
    }

    /** The lessons about a skill, for its page. */
    public List<LinkView> aboutSkill(String skill) {
        return lessons.about(skill, 10).stream()
                .map(l -> new LinkView(l.slug(), l.title()))
                .toList();
    }

    public void register(RoutesConfig routes) {
        new LessonApi(lessons).register(routes);
        pages.register(routes);
        new TemplateRoutes(templates, chrome).register(routes);
    }
}
