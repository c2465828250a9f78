#!/usr/bin/env python3
"""A real HTTP SMS provider for tests: stores every message POSTed to it as a .json file.

    python3 scripts/sms-sink.py --dir DIR [--port N] [--token T] [--fail-first N]

Accepts what Poort sends (POST, JSON `{"to", "from", "text", "reference"}`) on any path
and answers 202. With --token it answers 401 unless `Authorization: Bearer T` is sent;
with --fail-first N it answers 503 to the first N requests (to test retries). Each file
holds the JSON body plus the request's path, authorization and idempotency-key.
Prints the port it listens on (127.0.0.1 only) as its first line, then serves until its
standard input closes or it is terminated. Standard library only.
"""
import argparse
import json
import os
import signal
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", required=True)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--token")
    parser.add_argument("--fail-first", type=int, default=0)
    args = parser.parse_args()
    os.makedirs(args.dir, exist_ok=True)
    state = {"requests": 0, "stored": 0}
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        def answer(self, status, body):
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_POST(self):
            length = int(self.headers.get("content-length") or 0)
            raw = self.rfile.read(length)
            with lock:
                state["requests"] += 1
                failing = state["requests"] <= args.fail_first
            if failing:
                return self.answer(503, {"error": "try again later"})
            auth = self.headers.get("authorization")
            if args.token and auth != f"Bearer {args.token}":
                return self.answer(401, {"error": "unauthorised"})
            try:
                message = json.loads(raw)
            except ValueError:
                return self.answer(400, {"error": "not JSON"})
            if not isinstance(message, dict) or not message.get("to") or not message.get("text"):
                return self.answer(400, {"error": "to and text are required"})
            message["_path"] = self.path
            message["_authorization"] = auth
            message["_idempotency_key"] = self.headers.get("idempotency-key")
            with lock:
                state["stored"] += 1
                name = f"{time.time_ns()}-{state['stored']:05d}.json"
            path = os.path.join(args.dir, name)
            # Write then rename, so a reader never sees half a message.
            with open(path + ".part", "w", encoding="utf-8") as f:
                json.dump(message, f, ensure_ascii=False)
            os.rename(path + ".part", path)
            self.answer(202, {"id": name})

        def log_message(self, *_):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    print(server.server_address[1], flush=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    # The test that started us holds our stdin; when it goes away, so do we.
    threading.Thread(target=lambda: (sys.stdin.read(), stop.set()), daemon=True).start()
    stop.wait()
    server.shutdown()


if __name__ == "__main__":
    main()
