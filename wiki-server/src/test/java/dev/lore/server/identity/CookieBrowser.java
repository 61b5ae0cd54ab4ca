package dev.lore.server.identity;

import dev.lore.server.support.Http;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

/**
 * An HTTP client that keeps cookies per site, as a browser does, and follows redirects only when
 * told: enough to walk the sign-in redirects between Lore and the provider step by step.
 */
final class CookieBrowser {
    final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient client = HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Http.PATIENCE)
            .build();

    Http.Response get(URI uri) {
        var request = HttpRequest.newBuilder(uri)
                .timeout(Http.PATIENCE)
                .header("Accept", "text/html")
                .GET()
                .build();
        try {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Http.Response(r.statusCode(), r.headers().map(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Posts a form, as a browser submitting it would. */
    Http.Response post(URI uri, java.util.Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> Http.enc(e.getKey()) + "=" + Http.enc(e.getValue()))
                .collect(java.util.stream.Collectors.joining("&"));
        var request = HttpRequest.newBuilder(uri)
                .timeout(Http.PATIENCE)
                .header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Http.Response(r.statusCode(), r.headers().map(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The redirect's target, resolved against where it came from. */
    static URI location(URI from, Http.Response r) {
        String to = r.header("Location")
                .orElseThrow(() -> new AssertionError("no redirect (" + r.status() + "): " + r.body()));
        return from.resolve(to);
    }

    Optional<String> cookie(URI site, String name) {
        return cookies.getCookieStore().get(site).stream()
                .filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue)
                .findFirst();
    }

    void setCookie(URI site, String name, String value) {
        var cookie = new HttpCookie(name, value);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(site, cookie);
    }
}
