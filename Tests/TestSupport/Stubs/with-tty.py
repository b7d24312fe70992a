#!/usr/bin/env python3
"""Runs a command with a controlling terminal of its own, as an operator's
shell would, while its standard input, output and error stay the pipes the
test gave. What this program reads on standard input is what the operator
types at that terminal (echo off), followed by an end of input (^D).

Usage: with-tty.py COMMAND [ARG...] <answers
Exit status: the command's, or 128 + N when signal N ended it.
"""
import fcntl
import os
import select
import signal
import sys
import termios
import pty

answers = sys.stdin.buffer.read()
master, slave = pty.openpty()
attributes = termios.tcgetattr(slave)
attributes[3] &= ~termios.ECHO
termios.tcsetattr(slave, termios.TCSANOW, attributes)

pid = os.fork()
if pid == 0:
    # As from a terminal: the test runner's children inherit SIGINT and
    # SIGTERM ignored.
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    os.close(master)
    os.setsid()
    fcntl.ioctl(slave, termios.TIOCSCTTY, 0)
    os.close(slave)
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    os.execvp(sys.argv[1], sys.argv[1:])

os.close(slave)
os.write(master, answers + b"\x04")
status = None
while status is None:
    ready, _, _ = select.select([master], [], [], 0.05)
    if ready:
        try:
            os.read(master, 65536)
        except OSError:
            pass
    finished, code = os.waitpid(pid, os.WNOHANG)
    if finished:
        status = code
if os.WIFSIGNALED(status):
    sys.exit(128 + os.WTERMSIG(status))
sys.exit(os.WEXITSTATUS(status))
