"""The site server of the card printer and the browser tests says nothing per request,
even when the browser leaves before a reply is sent."""

from __future__ import annotations

import functools
import http.server
import json
import os
import socket
import struct
import threading
import urllib.request
from pathlib import Path

import pytest

from playbook_handbook.site.print_cards import QuietSite


@pytest.fixture
def served(tmp_path: Path):  # noqa: ANN201
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "search_index.json").write_text(json.dumps(
        {"config": {"lang": ["en"]}, "docs": [{"location": "", "text": "everything"}]}))
    server = _Server(("127.0.0.1", 0), functools.partial(QuietSite, directory=str(tmp_path)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()
    server.server_close()


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = False  # server_close() waits for every request's thread to end


def test_a_client_that_hangs_up_mid_reply_prints_nothing(served: _Server, tmp_path: Path,
                                                         capfd) -> None:  # noqa: ANN001
    (tmp_path / "big.bin").write_bytes(b"x" * 32_000_000)  # more than the socket buffers
    for _ in range(3):
        client = socket.create_connection(("127.0.0.1", served.server_address[1]))
        client.sendall(b"GET /big.bin HTTP/1.1\r\nHost: x\r\n\r\n")
        client.recv(1024)  # the reply has started
        # Reset the connection instead of closing it politely: the server's next write fails.
        client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        client.close()
    served.shutdown()
    served.server_close()  # the handlers have met the reset and ended
    out, err = capfd.readouterr()
    assert (out, err) == ("", "")


def test_the_search_index_is_served_without_documents(served: _Server,
                                                      capfd) -> None:  # noqa: ANN001
    port = served.server_address[1]
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/search/search_index.json") as reply:
        assert json.load(reply) == {"config": {"lang": ["en"]}, "docs": []}
    assert capfd.readouterr() == ("", "")  # and no log line for the request


def test_a_rebuilt_search_index_is_served_as_it_is_now(served: _Server, tmp_path: Path) -> None:
    """The index without documents is kept per version of the file, not for good."""
    url = f"http://127.0.0.1:{served.server_address[1]}/search/search_index.json"
    with urllib.request.urlopen(url) as reply:
        assert json.load(reply)["config"] == {"lang": ["en"]}
    index = tmp_path / "search" / "search_index.json"
    index.write_text(json.dumps({"config": {"lang": ["en", "tr"]}, "docs": []}))
    before = index.stat().st_mtime_ns
    os.utime(index, ns=(before + 1_000_000, before + 1_000_000))  # a later build
    with urllib.request.urlopen(url) as reply:
        assert json.load(reply)["config"] == {"lang": ["en", "tr"]}


@pytest.mark.parametrize("text", ["{not json", '["a list"]', '{"docs": []}', "\xff"])
def test_a_search_index_that_is_not_one_is_served_as_it_is(served: _Server, tmp_path: Path,
                                                           capfd, text: str) -> None:  # noqa: ANN001
    (tmp_path / "search" / "search_index.json").write_text(text, encoding="latin-1")
    port = served.server_address[1]
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/search/search_index.json") as reply:
        assert reply.read() == text.encode("latin-1")
    served.shutdown()
    served.server_close()  # the request's thread has ended
    assert capfd.readouterr() == ("", "")  # no traceback
