#!/usr/bin/env python3
"""Runs a command with a controlling terminal of its own, as an operator's
shell would, while its standard input, output and error stay the pipes the
test gave. What this program reads on standard input is what the operator
types at that terminal (echo off), followed by an end of input (^D).

Usage: with-tty.py COMMAND [ARG...] <answers
Exit status: the command's, or 128 + N when signal N ended it.

With TTY_SIGNAL_AT_PROMPT=K and TTY_PROMPT=TEXT, only the first K-1 answers
are typed; when the command's standard output (a file) shows TEXT for the
K-th time, TTY_SIGNAL answers instead (INT to the command's process group,
as Ctrl-C; TERM to the command; KILL to its process group). A command still
running after TTY_TIMEOUT seconds (default 300) is killed: a test fails
instead of hanging.

With TTY_OUTPUT=1 the command's standard output and error are the terminal
too, and what the terminal shows is this program's standard output (with
the terminal's \r before each \n).
"""
import fcntl
import os
import select
import signal
import sys
import termios
import time
import pty

answers = sys.stdin.buffer.read()
on_terminal = os.environ.get("TTY_OUTPUT") == "1"
master, slave = pty.openpty()
attributes = termios.tcgetattr(slave)
attributes[3] &= ~termios.ECHO
termios.tcsetattr(slave, termios.TCSANOW, attributes)

pid = os.fork()
if pid == 0:
    # As from a terminal: the test runner's children inherit SIGINT and
    # SIGTERM ignored, and most signals blocked (its threads block them).
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_SETMASK, [])
    os.close(master)
    os.setsid()
    fcntl.ioctl(slave, termios.TIOCSCTTY, 0)
    if on_terminal:
        os.dup2(slave, 1)
        os.dup2(slave, 2)
    os.close(slave)
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    os.execvp(sys.argv[1], sys.argv[1:])

os.close(slave)
# A read of the terminal's output never blocks the loop: select has been
# seen to report it readable with nothing to read.
os.set_blocking(master, False)
prompt = os.environ.get("TTY_PROMPT", "").encode()
signal_at = int(os.environ.get("TTY_SIGNAL_AT_PROMPT", "0"))
deadline = time.monotonic() + float(os.environ.get("TTY_TIMEOUT", "300"))
if prompt and signal_at > 0:
    lines = answers.splitlines(keepends=True)
    os.write(master, b"".join(lines[: signal_at - 1]))
    output = os.readlink("/proc/self/fd/1")
else:
    os.write(master, answers + b"\x04")
    signal_at = 0
status = None
while status is None:
    ready, _, _ = select.select([master], [], [], 0.05)
    if ready:
        shown_now = b""
        try:
            shown_now = os.read(master, 65536)
        except OSError:
            pass
        if on_terminal:
            sys.stdout.buffer.write(shown_now)
    if signal_at:
        with open(output, "rb") as shown:
            if shown.read().count(prompt) >= signal_at:
                signal_at = 0
                name = os.environ.get("TTY_SIGNAL", "INT")
                try:
                    if name == "TERM":
                        os.kill(pid, signal.SIGTERM)
                    else:
                        os.killpg(pid, getattr(signal, "SIG" + name))
                except ProcessLookupError:
                    pass
    if time.monotonic() > deadline:
        sys.stderr.write("with-tty: the command did not end in time; killed\n")
        try:
            os.killpg(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        os.waitpid(pid, 0)
        sys.exit(124)
    finished, code = os.waitpid(pid, os.WNOHANG)
    if finished:
        status = code
# What the terminal still holds once the command ended.
while on_terminal:
    try:
        rest = os.read(master, 65536)
    except OSError:
        break
    if not rest:
        break
    sys.stdout.buffer.write(rest)
sys.stdout.flush()
if os.WIFSIGNALED(status):
    sys.exit(128 + os.WTERMSIG(status))
sys.exit(os.WEXITSTATUS(status))
