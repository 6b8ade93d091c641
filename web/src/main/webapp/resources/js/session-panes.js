// The session page's Files and System information panes. Both talk to /console/session-files over HTTP
// (the site relays each request to the agent); texts come from the page's bundle, in its language.
(function () {
    "use strict";
    var page = document.getElementById("session");
    var texts = JSON.parse(document.getElementById("pane-texts").textContent);
    var files = document.getElementById("files");
    var system = document.getElementById("system");
    var endpoint = files.dataset.endpoint;
    var limitMb = Number(files.dataset.limitMb);
    var session = null;
    var listing = null;
    var systemTimer = null;

    var text = function (key, first, second) {
        return (texts[key] || key).replace("{0}", first === undefined ? "" : first)
            .replace("{1}", second === undefined ? "" : second);
    };
    var url = function (operation, path) {
        return endpoint + "/" + operation + "?session=" + encodeURIComponent(session)
            + (path === undefined ? "" : "&path=" + encodeURIComponent(path));
    };
    var bytes = function (count) {
        if (count === undefined || count === null) {
            return "";
        }
        var units = ["B", "KB", "MB", "GB", "TB"];
        var unit = 0;
        var value = count;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return (unit === 0 ? value : value.toFixed(1)) + " " + units[unit];
    };
    var cell = function (row, content) {
        var td = document.createElement("td");
        if (content instanceof Node) {
            td.appendChild(content);
        } else {
            td.textContent = content;
        }
        row.appendChild(td);
        return td;
    };

    // Tabs: the terminal, the files, the system information (polled only while its pane is open).
    var show = function (pane) {
        ["terminal", "files", "system"].forEach(function (name) {
            document.getElementById(name).hidden = name !== pane;
            document.getElementById("tab-" + name).setAttribute("aria-selected", String(name === pane));
        });
        if (pane === "files" && listing === null) {
            list("");
        }
        if (pane === "system") {
            refreshSystem();
        } else if (systemTimer !== null) {
            clearTimeout(systemTimer);
            systemTimer = null;
        }
    };
    document.querySelectorAll(".session-tabs button").forEach(function (tab) {
        tab.addEventListener("click", function () {
            show(tab.dataset.pane);
        });
    });
    page.addEventListener("session-started", function (event) {
        session = event.detail;
        document.getElementById("tab-files").disabled = false;
        document.getElementById("tab-system").disabled = false;
        document.getElementById("files-limit").textContent = text("files.limit", limitMb);
    });

    // Files.
    var error = function (problem) {
        var shown = document.getElementById("files-error");
        shown.textContent = text("files.error." + problem.status, problem.path, problem.limitMegabytes || limitMb);
        shown.setAttribute("data-status", problem.status);
        shown.hidden = false;
        files.setAttribute("data-state", "error");
    };
    var clearError = function () {
        var shown = document.getElementById("files-error");
        shown.hidden = true;
        shown.removeAttribute("data-status");
        document.getElementById("files-message").textContent = "";
    };
    var problemOf = function (body) {
        try {
            var parsed = JSON.parse(body);
            return parsed.type === "error" ? parsed : null;
        } catch (e) {
            return null;
        }
    };
    var list = function (path) {
        clearError();
        files.setAttribute("data-state", "loading");
        fetch(url("list", path), {credentials: "same-origin"}).then(function (response) {
            return response.text();
        }).then(function (body) {
            var problem = problemOf(body);
            if (problem) {
                error(problem);
                return;
            }
            render(JSON.parse(body));
        }).catch(function () {
            error({status: "NO_ANSWER", path: path});
        });
    };
    // A download is one request, the browser's own (the file lands in its downloads, once). A HEAD on the same
    // address first asks the agent whether it would send the file, so a refusal is shown here in the page's
    // language; the check moves no bytes, and only a refused one is recorded (as that download's attempt).
    var downloadLink = function (path) {
        var link = document.createElement("a");
        link.href = url("download", path);
        link.download = "";
        link.className = "files-download";
        link.textContent = text("files.download");
        link.addEventListener("click", function (event) {
            if (link.dataset.checked === "true") {
                delete link.dataset.checked;
                return;
            }
            event.preventDefault();
            clearError();
            fetch(link.href, {method: "HEAD", credentials: "same-origin"}).then(function (response) {
                if (response.ok) {
                    link.dataset.checked = "true";
                    link.click();
                    return;
                }
                error({
                    status: response.headers.get("X-File-Status") || "FAILED",
                    path: path,
                    limitMegabytes: response.headers.get("X-Limit-Megabytes")
                });
            }).catch(function () {
                error({status: "NO_ANSWER", path: path});
            });
        });
        return link;
    };
    var render = function (directory) {
        listing = directory;
        files.setAttribute("data-path", directory.path);
        document.getElementById("files-path").value = directory.path;
        document.getElementById("files-up").disabled = !directory.parent;
        var body = document.querySelector("#files-table tbody");
        body.textContent = "";
        directory.entries.forEach(function (entry) {
            var row = document.createElement("tr");
            var path = directory.path + (directory.path.endsWith(directory.separator) ? "" : directory.separator)
                + entry.name;
            row.setAttribute("data-name", entry.name);
            row.setAttribute("data-type", entry.type);
            if (entry.type === "directory") {
                var enter = document.createElement("button");
                enter.type = "button";
                enter.className = "files-enter";
                enter.textContent = entry.name;
                enter.addEventListener("click", function () {
                    list(path);
                });
                cell(row, enter);
            } else {
                cell(row, entry.name);
            }
            cell(row, text("files.type." + entry.type));
            cell(row, entry.type === "directory" ? "" : bytes(entry.size));
            cell(row, entry.modified ? new Date(entry.modified).toLocaleString(document.documentElement.lang) : "");
            if (entry.type === "file" || entry.type === "link") {
                cell(row, downloadLink(path));
            } else {
                cell(row, "");
            }
            body.appendChild(row);
        });
        document.getElementById("files-message").textContent = directory.truncated ? text("files.truncated") : "";
        files.setAttribute("data-state", "ready");
    };
    document.getElementById("files-up").addEventListener("click", function () {
        if (listing && listing.parent) {
            list(listing.parent);
        }
    });
    document.getElementById("files-go").addEventListener("click", function () {
        list(document.getElementById("files-path").value);
    });
    document.getElementById("files-path").addEventListener("keydown", function (event) {
        if (event.key === "Enter") {
            list(document.getElementById("files-path").value);
        }
    });
    document.getElementById("files-refresh").addEventListener("click", function () {
        list(listing ? listing.path : "");
    });
    var progress = document.getElementById("files-progress");
    var progressText = document.getElementById("files-progress-text");
    document.getElementById("files-upload").addEventListener("click", function () {
        var file = document.getElementById("files-upload-input").files[0];
        if (!file || !listing) {
            return;
        }
        clearError();
        var target = listing.path + (listing.path.endsWith(listing.separator) ? "" : listing.separator) + file.name;
        if (file.size > limitMb * 1024 * 1024) {
            error({status: "TOO_LARGE", path: file.name});
            return;
        }
        var request = new XMLHttpRequest();
        request.open("POST", url("upload", target));
        request.setRequestHeader("Content-Type", "application/octet-stream");
        progress.hidden = false;
        progress.value = 0;
        files.setAttribute("data-state", "uploading");
        request.upload.onprogress = function (event) {
            if (event.lengthComputable) {
                progress.value = Math.round(100 * event.loaded / event.total);
                progressText.textContent = bytes(event.loaded) + " / " + bytes(event.total);
            }
        };
        request.onload = function () {
            progress.hidden = true;
            var problem = problemOf(request.responseText);
            if (request.status !== 200 || problem) {
                error(problem || {status: "FAILED", path: target});
                return;
            }
            var result = JSON.parse(request.responseText);
            list(listing.path);
            document.getElementById("files-message").textContent = text("files.uploaded", result.path, result.size);
            files.setAttribute("data-uploaded", result.path);
        };
        request.onerror = function () {
            progress.hidden = true;
            error({status: "FAILED", path: target});
        };
        request.send(file);
    });

    // System information: polled every 3 seconds while the pane is open and the session runs.
    var sortKey = "cpuPercent";
    var sortDescending = true;
    var processes = [];
    var renderProcesses = function () {
        var sorted = processes.slice().sort(function (a, b) {
            var x = a[sortKey];
            var y = b[sortKey];
            var order = typeof x === "string" || typeof y === "string"
                ? String(x || "").localeCompare(String(y || ""))
                : (x === undefined ? -1 : x) - (y === undefined ? -1 : y);
            return sortDescending ? -order : order;
        });
        var body = document.querySelector("#system-processes tbody");
        body.textContent = "";
        sorted.forEach(function (process) {
            var row = document.createElement("tr");
            row.setAttribute("data-pid", process.pid);
            cell(row, String(process.pid));
            cell(row, process.name);
            cell(row, process.user);
            cell(row, process.cpuPercent === undefined ? "" : process.cpuPercent.toFixed(1));
            cell(row, bytes(process.memoryBytes));
            body.appendChild(row);
        });
        system.setAttribute("data-sort", sortKey + (sortDescending ? " desc" : " asc"));
    };
    document.querySelectorAll("#system-processes th button").forEach(function (header) {
        header.addEventListener("click", function () {
            sortDescending = header.dataset.sort === sortKey ? !sortDescending : header.dataset.sort !== "name"
                && header.dataset.sort !== "user";
            sortKey = header.dataset.sort;
            renderProcesses();
        });
    });
    var summary = function (info) {
        var list = document.getElementById("system-summary");
        list.textContent = "";
        var add = function (key, value, id) {
            if (value === undefined || value === null) {
                return;
            }
            var term = document.createElement("dt");
            term.textContent = text(key);
            var definition = document.createElement("dd");
            definition.textContent = value;
            definition.id = id;
            list.appendChild(term);
            list.appendChild(definition);
        };
        var uptime = info.uptimeSeconds === undefined ? undefined : Math.floor(info.uptimeSeconds / 86400) + "d "
            + Math.floor(info.uptimeSeconds % 86400 / 3600) + "h " + Math.floor(info.uptimeSeconds % 3600 / 60) + "m";
        add("system.hostname", info.hostname, "system-hostname");
        add("system.operatingSystem", info.operatingSystem + " (" + info.architecture + ")", "system-os");
        add("system.uptime", uptime, "system-uptime");
        add("system.cpu", info.cpuLoad === undefined ? undefined
            : (100 * info.cpuLoad).toFixed(0) + " % × " + info.processors, "system-cpu");
        add("system.memory", info.memoryTotalBytes === undefined ? undefined
            : bytes(info.memoryUsedBytes) + " / " + bytes(info.memoryTotalBytes), "system-memory");
        add("system.consoleUser", info.consoleUser, "system-console-user");
        var disks = document.querySelector("#system-disks tbody");
        disks.textContent = "";
        info.disks.forEach(function (disk) {
            var row = document.createElement("tr");
            cell(row, disk.name + " (" + disk.type + ")");
            cell(row, bytes(disk.usedBytes));
            cell(row, bytes(disk.totalBytes));
            disks.appendChild(row);
        });
    };
    var refreshSystem = function () {
        if (systemTimer !== null) {
            clearTimeout(systemTimer);
            systemTimer = null;
        }
        if (system.hidden || page.getAttribute("data-state") !== "started") {
            return;
        }
        fetch(url("system-info"), {credentials: "same-origin"}).then(function (response) {
            return response.text();
        }).then(function (body) {
            var shown = document.getElementById("system-error");
            var problem = problemOf(body);
            if (problem) {
                shown.textContent = text("files.error." + problem.status, "", limitMb);
                shown.hidden = false;
                return;
            }
            shown.hidden = true;
            var info = JSON.parse(body);
            summary(info);
            processes = info.processes;
            renderProcesses();
            system.setAttribute("data-refreshed", String(Number(system.getAttribute("data-refreshed") || 0) + 1));
        }).catch(function () {
            // The next refresh tries again.
        }).then(function () {
            if (!system.hidden && systemTimer === null) {
                systemTimer = setTimeout(refreshSystem, 3000);
            }
        });
    };
}());
