package org.jumpdesk.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A representative's browser, without the browser: logs in to the console with the login form, then jumps
 * by opening the console's terminal socket ({@code /console/terminal}) exactly as the session page's
 * script does, and types into it. Times each jump from the request (the socket's opening handshake) to
 * the site's {@code started} (the agent attached with its token) and to the first byte of the shell, and
 * each keystroke until its echo comes back through the relay.
 */
final class RepresentativeConsole {

    private static final Duration ANSWER = Duration.ofSeconds(30);
    private static final Pattern SESSION = Pattern.compile("\"session\":\"([0-9a-f-]{36})\"");

    private final URI site;
    private final HttpClient http;

    private RepresentativeConsole(URI site, HttpClient http) {
        this.site = site;
        this.http = http;
    }

    /** Logs in with the console's form, as a browser does; refuses to go on when the login failed. */
    static RepresentativeConsole logIn(URI site, String username, String password)
            throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(ANSWER)
                .build();
        String page = "console/jump-clients.xhtml";
        http.send(HttpRequest.newBuilder(site.resolve(page)).build(), HttpResponse.BodyHandlers.discarding());
        String form = "j_username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&j_password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> landed = http.send(
                HttpRequest.newBuilder(site.resolve("j_security_check"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (landed.statusCode() != 200 || landed.body().contains("j_password")) {
            throw new IllegalStateException("the console login of " + username + " failed: " + landed.statusCode());
        }
        return new RepresentativeConsole(site, http);
    }

    /**
     * What one jump took, in nanoseconds from the request: the terminal socket's handshake done, the
     * site's {@code started}, the shell's first byte, and each keystroke's echo; {@code requestedAt} is
     * the request's {@link System#nanoTime()}, {@code sessionId} the id in {@code started}. {@code refusal}
     * is the site's answer when it did not start.
     */
    record Jump(
            long requestedAt,
            UUID sessionId,
            long handshakeNanos,
            long attachNanos,
            long firstByteNanos,
            long[] echoNanos,
            String refusal) {

        static Jump refused(String refusal) {
            return new Jump(0, null, 0, 0, 0, new long[0], refusal);
        }

        boolean started() {
            return refusal == null;
        }
    }

    /**
     * Jumps to the client, waits for the shell's first byte, types {@code keystrokes} characters one at a
     * time (each after the echo of the one before), and ends the session.
     */
    Jump jump(UUID clientId, int keystrokes) throws InterruptedException {
        Terminal terminal = new Terminal();
        URI uri = URI.create(site.toString().replaceFirst("^http", "ws") + "console/terminal?client=" + clientId
                + "&columns=80&rows=24");
        long requested = System.nanoTime();
        WebSocket socket;
        try {
            socket = http.newWebSocketBuilder()
                    .connectTimeout(ANSWER)
                    .buildAsync(uri, terminal)
                    .get(ANSWER.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            return Jump.refused("no connection: " + e);
        }
        long handshake = System.nanoTime() - requested;
        try {
            UUID sessionId = null;
            long attached = 0;
            long firstByte = 0;
            while (attached == 0 || firstByte == 0) {
                Event event = terminal.events.poll(ANSWER.toSeconds(), TimeUnit.SECONDS);
                if (event == null || !event.started() && !event.output()) {
                    return Jump.refused(event == null ? "no answer" : event.text());
                }
                if (event.started()) {
                    attached = event.at() - requested;
                    sessionId = event.sessionId();
                } else if (firstByte == 0) {
                    firstByte = event.at() - requested;
                }
            }
            long[] echoes = new long[keystrokes];
            for (int i = 0; i < keystrokes; i++) {
                byte key = (byte) ('a' + i % 26);
                long typed = System.nanoTime();
                socket.sendBinary(ByteBuffer.wrap(new byte[] {key}), true).join();
                Event echo = terminal.events.poll(ANSWER.toSeconds(), TimeUnit.SECONDS);
                if (echo == null || !echo.output() || echo.bytes()[echo.bytes().length - 1] != key) {
                    return Jump.refused("no echo: " + echo);
                }
                echoes[i] = echo.at() - typed;
            }
            return new Jump(requested, sessionId, handshake, attached, firstByte, echoes, null);
        } finally {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").exceptionally(failure -> null);
        }
    }

    /** What the browser's end received, when: {@code started}, terminal output, or any other text. */
    private record Event(long at, String text, byte[] bytes) {

        boolean started() {
            return text != null && text.contains("\"started\"");
        }

        /** The session id of {@code {"type":"started","session":"…"}}. */
        UUID sessionId() {
            Matcher session = SESSION.matcher(text);
            return session.find() ? UUID.fromString(session.group(1)) : null;
        }

        boolean output() {
            return bytes != null;
        }

        @Override
        public String toString() {
            return output() ? bytes.length + " bytes" : text;
        }
    }

    /** The browser's end of the terminal socket: its events in arrival order. */
    private static final class Terminal implements WebSocket.Listener {

        final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        private StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            long now = System.nanoTime();
            text.append(data);
            if (last) {
                events.add(new Event(now, text.toString(), null));
                text = new StringBuilder();
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            long now = System.nanoTime();
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            events.add(new Event(now, null, bytes));
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            events.add(new Event(System.nanoTime(), "closed " + statusCode + " " + reason, null));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            events.add(new Event(System.nanoTime(), "failed: " + error, null));
        }
    }
}
