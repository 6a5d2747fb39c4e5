"""Runs a Python command-line program (ufw, firewall-offline-cmd) once per request,
in one process, so a snippet of fifty commands pays the interpreter's start-up
and imports once instead of fifty times.

    python3 python-tool-server.py PROGRAM DIR [--keep-firewall]

The program's own source is compiled once and executed as `__main__` for every
request, exactly as its command line would run it. DIR holds two named pipes:
a request is the program's arguments, each followed by a NUL byte, written to
DIR/request; an empty request ends the server. The program's output goes to
DIR/stdout and DIR/stderr, its exit status to DIR/reply, and one JSON line per
call ({"args", "status", "stderr"}) to DIR/calls.

--keep-firewall (firewall-offline-cmd only): the firewalld configuration is read
from disk once and then kept in memory between calls, as the firewalld daemon
keeps it while `firewall-cmd --permanent` talks to it; each change is still
validated and written to disk by the program itself. The request
`--check-config` always reads everything afresh from disk, as a reload would.
"""

import json
import os
import sys
import traceback

program, workdir = sys.argv[1], sys.argv[2]
keep_firewall = "--keep-firewall" in sys.argv[3:]

with open(program, encoding="utf-8") as source:
    code = compile(source.read(), program, "exec")

if keep_firewall:
    import firewall.core.fw

    fresh_firewall = firewall.core.fw.Firewall
    kept = []

    def kept_firewall(*args, **kwargs):
        """The first call reads and checks the configuration; later calls reuse it."""
        if not kept:
            instance = fresh_firewall(*args, **kwargs)
            instance.start()
            instance.start = lambda: None
            kept.append(instance)
        return kept[0]


def run(args):
    """Runs the program once with these arguments; returns its exit status."""
    sys.argv = [program, *args]
    if keep_firewall:
        fresh = args == ["--check-config"]
        firewall.core.fw.Firewall = fresh_firewall if fresh else kept_firewall
    try:
        exec(code, {"__name__": "__main__", "__file__": program})
        return 0
    except SystemExit as stop:
        if stop.code is None:
            return 0
        if isinstance(stop.code, int):
            return stop.code & 0xFF
        print(stop.code, file=sys.stderr)
        return 1
    except Exception:
        traceback.print_exc()
        return 1


def redirected(path, fd):
    """Points file descriptor fd at a new file; returns a copy of the old one."""
    saved = os.dup(fd)
    target = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.dup2(target, fd)
    os.close(target)
    return saved


while True:
    with open(os.path.join(workdir, "request"), "rb") as request:
        data = request.read()
    if data == b"":
        break
    args = [part.decode("utf-8", "surrogateescape") for part in data.split(b"\0")[:-1]]
    sys.stdout.flush()
    sys.stderr.flush()
    saved_out = redirected(os.path.join(workdir, "stdout"), 1)
    saved_err = redirected(os.path.join(workdir, "stderr"), 2)
    status = run(args)
    sys.stdout.flush()
    sys.stderr.flush()
    os.dup2(saved_out, 1)
    os.dup2(saved_err, 2)
    os.close(saved_out)
    os.close(saved_err)
    with open(os.path.join(workdir, "stderr"), encoding="utf-8", errors="replace") as error_text:
        record = {"args": args, "status": status, "stderr": error_text.read()}
    # Opened per call: the caller moves the log away between the parts of a run.
    with open(os.path.join(workdir, "calls"), "a", encoding="utf-8") as calls:
        calls.write(json.dumps(record) + "\n")
    with open(os.path.join(workdir, "reply"), "w", encoding="utf-8") as reply:
        reply.write(f"{status}\n")
