// The support session terminal: xterm.js on a WebSocket to /console/terminal. Binary frames carry the
// terminal's bytes both ways; text frames carry resizes from here and the session's state to here.
(function () {
    "use strict";
    var page = document.getElementById("session");
    var status = document.getElementById("session-status");
    var button = document.getElementById("session-end");
    var box = document.getElementById("terminal");
    // The state, and every state so far (a passive client's session goes waiting, then started).
    var enter = function (state) {
        page.setAttribute("data-state", state);
        page.setAttribute("data-history", ((page.getAttribute("data-history") || "") + " " + state).trim());
        button.textContent = text(state === "started" ? "end" : "cancel");
        button.disabled = state !== "connecting" && state !== "waiting" && state !== "started";
    };
    var text = function (key) {
        return page.getAttribute("data-text-" + key) || key;
    };
    // The text for how the session ended: its own, else the catalogue's for a code, else "ended".
    var endedText = function (outcome) {
        return page.getAttribute("data-text-" + outcome) || text("ended");
    };
    var term = new Terminal({cursorBlink: true, convertEol: false, scrollback: 5000});
    term.open(box);
    // Columns and rows that fill the box (xterm's fit add-on is not served here, so its arithmetic is).
    var fit = function () {
        var cell = term._core && term._core._renderService && term._core._renderService.dimensions;
        if (!cell || !cell.actualCellWidth || !cell.actualCellHeight) {
            return;
        }
        var columns = Math.max(20, Math.floor((box.clientWidth - 20) / cell.actualCellWidth));
        var rows = Math.max(5, Math.floor(box.clientHeight / cell.actualCellHeight));
        if (columns !== term.cols || rows !== term.rows) {
            term.resize(columns, rows);
        }
    };
    fit();
    term.focus();
    enter("connecting");

    var scheme = location.protocol === "https:" ? "wss://" : "ws://";
    var socket = new WebSocket(scheme + location.host + page.dataset.endpoint
        // A session started through the API is opened by its id, an attended customer by theirs; a jump from
        // the console names the client.
        + (page.dataset.session ? "?session=" + encodeURIComponent(page.dataset.session)
            : page.dataset.customer ? "?customer=" + encodeURIComponent(page.dataset.customer)
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
            page.setAttribute("data-session", message.session || "");
            enter("started");
            page.dispatchEvent(new CustomEvent("session-started", {detail: message.session}));
        } else if (message.type === "refused") {
            status.textContent = text(message.code);
            page.setAttribute("data-code", message.code);
            enter("refused");
        } else if (message.type === "ended") {
            status.textContent = endedText(message.outcome);
            page.setAttribute("data-code", message.outcome);
            enter("ended");
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
    var resizing;
    window.addEventListener("resize", function () {
        clearTimeout(resizing);
        resizing = setTimeout(fit, 100);
    });
    button.addEventListener("click", function () {
        var waiting = page.getAttribute("data-state") !== "started";
        socket.close(1000, waiting ? "cancelled by the representative" : "ended by the representative");
        if (waiting) {
            status.textContent = text("CANCELLED_BY_REPRESENTATIVE");
            page.setAttribute("data-code", "CANCELLED_BY_REPRESENTATIVE");
            enter("cancelled");
        }
    });
    jumpdeskExposeTerminal(term);
}());
