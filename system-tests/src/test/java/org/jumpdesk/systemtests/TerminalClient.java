package org.jumpdesk.systemtests;

import java.io.ByteArrayOutputStream;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The console's terminal socket ({@code /console/terminal}) driven without a browser, as a logged-in
 * representative's page would: for many jumps at once and for measuring a session's output and echo.
 * Output is handed to a consumer as it comes (and counted); control messages are queued.
 */
final class TerminalClient implements WebSocket.Listener, AutoCloseable {

    private final BlockingQueue<String> controls = new LinkedBlockingQueue<>();
    private final AtomicLong outputBytes = new AtomicLong();
    private final Consumer<byte[]> output;
    private final StringBuilder partialText = new StringBuilder();
    private final ByteArrayOutputStream partialBinary = new ByteArrayOutputStream();
    private WebSocket socket;

    private TerminalClient(Consumer<byte[]> output) {
        this.output = output;
    }

    /** Jumps to the client as the console session's user. */
    static TerminalClient jump(ConsoleSession console, UUID client, Consumer<byte[]> output) {
        TerminalClient terminal = new TerminalClient(output);
        terminal.socket = console.webSocket("console/terminal?client=" + client + "&columns=80&rows=24", terminal);
        return terminal;
    }

    /** The next control message from the site (waiting, started, refused, ended), or null. */
    String nextControl(Duration timeout) throws InterruptedException {
        return controls.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Types, as keystrokes in the page are sent. */
    void type(String keys) {
        socket.sendBinary(ByteBuffer.wrap(keys.getBytes(StandardCharsets.UTF_8)), true)
                .join();
    }

    long outputBytes() {
        return outputBytes.get();
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partialText.append(data);
        if (last) {
            controls.add(partialText.toString());
            partialText.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        partialBinary.writeBytes(bytes);
        if (last) {
            byte[] chunk = partialBinary.toByteArray();
            partialBinary.reset();
            outputBytes.addAndGet(chunk.length);
            output.accept(chunk);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        controls.add("{\"type\":\"closed\",\"code\":" + statusCode + "}");
        return null;
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").exceptionally(failure -> null);
    }
}
