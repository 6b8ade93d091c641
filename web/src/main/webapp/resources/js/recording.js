// Replays a session recording ([seconds, kind, text] events) into xterm.js at the chosen speed, and finds
// text in what the remote machine printed.
(function () {
    "use strict";
    var events = JSON.parse(document.getElementById("recording-events").textContent);
    var term = new Terminal({scrollback: 10000});
    term.open(document.getElementById("terminal"));
    var timers = [];
    var container = document.getElementById("recording");

    function play() {
        timers.forEach(clearTimeout);
        timers = [];
        term.reset();
        container.setAttribute("data-state", "playing");
        var speed = Number(document.getElementById("recording-speed").value);
        var last = events.length ? events[events.length - 1][0] : 0;
        events.forEach(function (event) {
            var show = function () {
                if (event[1] === "o") {
                    term.write(event[2]);
                } else if (event[1] === "r") {
                    var size = event[2].split("x");
                    term.resize(Number(size[0]), Number(size[1]));
                }
            };
            if (speed === 0) {
                show();
            } else {
                timers.push(setTimeout(show, event[0] * 1000 / speed));
            }
        });
        var done = function () {
            container.setAttribute("data-state", "played");
        };
        if (speed === 0) {
            term.write("", done);
        } else {
            timers.push(setTimeout(function () { term.write("", done); }, last * 1000 / speed + 50));
        }
    }

    document.getElementById("recording-play").addEventListener("click", play);
    document.getElementById("recording-search").addEventListener("input", function (input) {
        var wanted = input.target.value;
        var matches = !wanted ? [] : events.filter(function (event) {
            return event[1] === "o" && event[2].indexOf(wanted) >= 0;
        });
        document.getElementById("recording-matches").textContent = wanted
            ? matches.map(function (event) { return event[0].toFixed(1) + " s"; }).join(", ") || "0"
            : "";
        document.getElementById("recording-matches").setAttribute("data-count", String(matches.length));
    });
    window.jumpdeskTerminalText = function () {
        var lines = [];
        var buffer = term.buffer.active;
        for (var i = 0; i < buffer.length; i++) {
            lines.push(buffer.getLine(i).translateToString(true));
        }
        return lines.join("\n");
    };
}());
