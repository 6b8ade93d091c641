// The support session terminal: xterm.js on a WebSocket to /console/terminal. Binary frames carry the
// terminal's bytes both ways; text frames carry resizes from here and the session's state to here.
(function () {
    "use strict";
    var page = document.getElementById("session");
    var status = document.getElementById("session-status");
    // The state, and every state so far (a passive client's session goes waiting, then started).
    var enter = function (state) {
        page.setAttribute("data-state", state);
        page.setAttribute("data-history", ((page.getAttribute("data-history") || "") + " " + state).trim());
    };
    var text = function (key) {
        return page.getAttribute("data-text-" + key) || key;
    };
    var term = new Terminal({cursorBlink: true, convertEol: false, scrollback: 5000});
    term.open(document.getElementById("terminal"));
    term.focus();

    var scheme = location.protocol === "https:" ? "wss://" : "ws://";
    var socket = new WebSocket(scheme + location.host + page.dataset.endpoint
        // A session started through the API is opened by its id; a jump from the console names the client.
        + (page.dataset.session ? "?session=" + encodeURIComponent(page.dataset.session)
            : "?client=" + encodeURIComponent(page.dataset.client))
        + "&columns=" + term.cols + "&rows=" + term.rows);
    socket.binaryType = "arraybuffer";
    var encoder = new TextEncoder();

    socket.onmessage = function (event) {
        if (typeof event.data !== "string") {
            term.write(new Uint8Array(event.data));
            return;
        }
        var message = JSON.parse(event.data);
        if (message.type === "waiting") {
            status.textContent = text("waiting");
            enter("waiting");
        } else if (message.type === "started") {
            status.textContent = text("started");
            enter("started");
        } else if (message.type === "refused") {
            status.textContent = text(message.code);
            enter("refused");
            page.setAttribute("data-code", message.code);
        } else if (message.type === "ended") {
            status.textContent = text("ended");
            enter("ended");
            page.setAttribute("data-code", message.outcome);
        }
    };
    socket.onclose = function () {
        if (page.getAttribute("data-state") === "started") {
            status.textContent = text("ended");
            enter("ended");
        }
    };
    term.onData(function (data) {
        if (socket.readyState === WebSocket.OPEN) {
            socket.send(encoder.encode(data));
        }
    });
    term.onResize(function (size) {
        if (socket.readyState === WebSocket.OPEN) {
            socket.send(JSON.stringify({type: "terminal-resize", columns: size.cols, rows: size.rows}));
        }
    });
    document.getElementById("session-end").addEventListener("click", function () {
        socket.close(1000, "ended by the representative");
    });
    jumpdeskExposeTerminal(term);
}());
