// Lets tests and assistive tools read what an xterm.js terminal shows, as plain text.
function jumpdeskExposeTerminal(term) {
    "use strict";
    window.jumpdeskTerminal = term;
    // One line per line the program wrote: a line the terminal wrapped is joined back to the one before.
    window.jumpdeskTerminalText = function () {
        var lines = [];
        var buffer = term.buffer.active;
        for (var i = 0; i < buffer.length; i++) {
            var line = buffer.getLine(i);
            if (line.isWrapped && lines.length > 0) {
                lines[lines.length - 1] += line.translateToString(true);
            } else {
                lines.push(line.translateToString(true));
            }
        }
        return lines.join("\n");
    };
}
