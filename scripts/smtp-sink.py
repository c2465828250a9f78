#!/usr/bin/env python3
"""A real SMTP server for tests: stores every message it receives as an .eml file.

    python3 scripts/smtp-sink.py --dir DIR [--port N]

Prints the port it listens on (127.0.0.1 only) as its first line, then serves until
its standard input closes or it is terminated. Needs aiosmtpd (`pip install aiosmtpd`;
scripts/test installs it).
"""
import argparse
import os
import signal
import socket
import sys
import threading
import time

from aiosmtpd.controller import Controller


class Store:
    def __init__(self, folder):
        self.folder = folder
        self.count = 0
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.count += 1
            name = f"{time.time_ns()}-{self.count:05d}.eml"
        path = os.path.join(self.folder, name)
        # Write then rename, so a reader never sees half a message.
        with open(path + ".part", "wb") as f:
            f.write(envelope.original_content or envelope.content)
        os.rename(path + ".part", path)
        return "250 Message accepted"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", required=True)
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args()
    os.makedirs(args.dir, exist_ok=True)
    port = args.port or free_port()
    controller = Controller(Store(args.dir), hostname="127.0.0.1", port=port)
    controller.start()
    print(port, flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    # The test that started us holds our stdin; when it goes away, so do we.
    threading.Thread(target=lambda: (sys.stdin.read(), stop.set()), daemon=True).start()
    stop.wait()
    controller.stop()


if __name__ == "__main__":
    main()
