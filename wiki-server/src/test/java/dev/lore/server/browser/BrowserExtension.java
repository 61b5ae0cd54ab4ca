package dev.lore.server.browser;

import dev.lore.server.support.TestLore;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a {@link Browser} on the test Lore of {@link TestLore}: one headless Chromium for the
 * whole test JVM, reset (cookies, viewport, colour scheme) before each test and closed when the run
 * ends. Without Chromium the tests are skipped, or fail under CI (see {@link Chromium}). Register it
 * after {@link TestLore}.
 */
public final class BrowserExtension
        implements ExecutionCondition, BeforeAllCallback, BeforeEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(BrowserExtension.class);
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<String> missing = Chromium.missing();
        if (missing.isEmpty()) {
            return ConditionEvaluationResult.enabled("Chromium and chromedriver found");
        }
        if (Chromium.required()) {
            return ConditionEvaluationResult.enabled("browser tests are required here; they will fail");
        }
        return ConditionEvaluationResult.disabled("Browser tests skipped: " + missing.get());
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Chromium.missing().ifPresent(missing -> {
            throw new IllegalStateException(
                    "Browser tests are required (CI or LORE_REQUIRE_BROWSER=true) but " + missing);
        });
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        browser(context).reset();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Browser.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return browser(context);
    }

    private static Browser browser(ExtensionContext context) {
        return context.getRoot()
                .getStore(NAMESPACE)
                .computeIfAbsent(
                        Browser.class, k -> Browser.start(TestLore.get().http().base(), SCREENSHOTS), Browser.class);
    }
}
