"""A minimal Language Server Protocol client: open YAML files in yaml-language-server
(the engine of VS Code's YAML extension) and collect the problems it reports."""

from __future__ import annotations

import json
import queue
import subprocess
import threading
import time
from pathlib import Path
from typing import Any


def diagnostics(server: list[str], files: list[Path], settings: dict[str, Any],
                timeout: float = 60) -> dict[Path, list[dict[str, Any]]]:
    """``{file: [diagnostic, ...]}`` for every file, with the editor ``settings`` (the
    ``yaml`` section of .vscode/settings.json)."""
    process = subprocess.Popen([*server, "--stdio"], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    inbox: queue.Queue[dict[str, Any]] = queue.Queue()
    threading.Thread(target=_read, args=(process, inbox), daemon=True).start()

    def send(message: dict[str, Any]) -> None:
        data = json.dumps({"jsonrpc": "2.0", **message}).encode()
        assert process.stdin is not None
        process.stdin.write(f"Content-Length: {len(data)}\r\n\r\n".encode() + data)
        process.stdin.flush()

    uris = {file.resolve().as_uri(): file for file in files}
    found: dict[Path, list[dict[str, Any]]] = {}
    send({"id": 1, "method": "initialize", "params": {
        "processId": None, "rootUri": None,
        "capabilities": {"workspace": {"configuration": True}}}})
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline and len(found) < len(files):
            try:
                message = inbox.get(timeout=0.5)
            except queue.Empty:
                continue
            if message.get("id") == 1 and "result" in message:
                send({"method": "initialized", "params": {}})
                send({"method": "workspace/didChangeConfiguration",
                      "params": {"settings": {"yaml": settings}}})
                for uri, file in uris.items():
                    send({"method": "textDocument/didOpen", "params": {"textDocument": {
                        "uri": uri, "languageId": "yaml", "version": 1,
                        "text": file.read_text(encoding="utf-8")}}})
            elif message.get("method") == "workspace/configuration":
                items = message["params"]["items"]
                send({"id": message["id"], "result": [settings for _ in items]})
            elif message.get("method") == "textDocument/publishDiagnostics":
                file = uris.get(message["params"]["uri"])
                if file is not None:
                    found[file] = message["params"]["diagnostics"]
            elif "id" in message and "method" in message:
                send({"id": message["id"], "result": None})
    finally:
        process.kill()
        process.wait()
    return found


def _read(process: subprocess.Popen, inbox: queue.Queue) -> None:
    stream = process.stdout
    assert stream is not None
    while True:
        headers = {}
        while True:
            line = stream.readline()
            if not line:
                return
            text = line.decode().strip()
            if not text:
                break
            key, value = text.split(":", 1)
            headers[key.lower()] = value.strip()
        inbox.put(json.loads(stream.read(int(headers["content-length"]))))
