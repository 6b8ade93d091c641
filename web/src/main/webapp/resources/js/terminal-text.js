// Lets tests and assistive tools read what an xterm.js terminal shows, as plain text.
function jumpdeskExposeTerminal(term) {
    "use strict";
    window.jumpdeskTerminal = term;
    window.jumpdeskTerminalText = function () {
        var lines = [];
        var buffer = term.buffer.active;
        for (var i = 0; i < buffer.length; i++) {
            lines.push(buffer.getLine(i).translateToString(true));
        }
        return lines.join("\n");
    };
}
