package org.jumpdesk.systemtests;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/** A browser-like HTTP session with the console: cookies, redirects, form login. */
final class ConsoleSession {

    private final URI site;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    ConsoleSession(URI site) {
        this.site = site;
    }

    /** Opens a page, as a browser would follow a link. */
    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(site.resolve(path))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Opens a protected page, fills in the login form it leads to, and returns the page after login. */
    HttpResponse<String> logIn(String protectedPath, String username, String password)
            throws IOException, InterruptedException {
        get(protectedPath);
        String form = "j_username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&j_password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return http.send(
                HttpRequest.newBuilder(site.resolve("j_security_check"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Opens a WebSocket as this logged-in session (its cookie), e.g. the console's terminal.
     *
     * @param path relative to the site, with its query
     */
    WebSocket webSocket(String path, WebSocket.Listener listener) {
        URI http = site.resolve(path);
        URI ws = URI.create(http.toString().replaceFirst("^http", "ws"));
        return HttpClient.newHttpClient()
                .newWebSocketBuilder()
                .header("Cookie", "JSESSIONID=" + sessionId().orElseThrow())
                .connectTimeout(Duration.ofSeconds(10))
                .buildAsync(ws, listener)
                .join();
    }

    /** The servlet session's id the site gave this client, if any. */
    Optional<String> sessionId() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue)
                .findFirst();
    }
}
