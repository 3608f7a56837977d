"""docs/tutorial.md: every code block runs, in order, against a real server, and prints what it shows.

Convention (also stated at the end of the tutorial), by the fenced block's info string:

- ``<lang> test``: run. ``sh`` with ``sh -e`` in a scratch folder holding a copy of data/corpus;
  ``sh test server`` in the background until the end; ``python`` with this interpreter; ``js`` with
  ``node`` as an ES module; ``sparql`` POSTed to the server's /sparql (answer as CSV); ``url``
  fetched with GET; ``toml`` checked as a gazetteer entry the gazetteer already has.
- ``text output`` right after a run block: each of its lines must appear in that block's output.
- ``<lang> norun: reason``: not run, for the reason given; ``r`` blocks are run when Rscript exists.

``127.0.0.1:8000`` on the page is replaced by a free port. The venv's ``bin`` comes first on PATH,
so ``pactgraph`` and ``python`` are the project's.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import tomllib
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]
TUTORIAL = ROOT / "docs" / "tutorial.md"
CORPUS = ROOT / "data" / "corpus"
BLOCK_TIMEOUT = 180
_FENCE = re.compile(r"^```([^\n`]*)\n(.*?)^```\s*$", re.M | re.S)


@dataclass
class Block:
    line: int
    language: str
    mode: str  # test | output | norun
    extra: str  # "server" for a background sh block; the reason for norun
    code: str

    @property
    def where(self) -> str:
        return f"docs/tutorial.md line {self.line} ({self.language} {self.mode})"


def parse_blocks(markdown: str) -> list[Block]:
    """The fenced blocks of *markdown* with their run mode; an unmarked block is an error."""
    blocks = []
    for match in _FENCE.finditer(markdown):
        info, code = match.group(1).strip(), match.group(2)
        line = markdown.count("\n", 0, match.start()) + 1
        language, _, rest = info.partition(" ")
        rest = rest.strip()
        if language == "text" and rest == "output":
            blocks.append(Block(line, "text", "output", "", code))
        elif rest.startswith("norun"):
            reason = rest.removeprefix("norun").lstrip(":").strip()
            assert reason, f"docs/tutorial.md line {line}: a norun block must say why (norun: why)"
            blocks.append(Block(line, language, "norun", reason, code))
        elif rest == "test" or rest.startswith("test "):
            blocks.append(Block(line, language, "test", rest.removeprefix("test").strip(), code))
        else:
            raise AssertionError(f"docs/tutorial.md line {line}: ```{info} is neither test, output nor norun")
    return blocks


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Session:
    """The scratch folder, environment and background processes the blocks share."""

    def __init__(self, work: Path, port: int) -> None:
        self.work = work
        self.port = port
        self.base = f"http://127.0.0.1:{port}"
        env = {k: v for k, v in os.environ.items() if not k.startswith("PACTGRAPH_")}
        env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
        env["PACTGRAPH_BASE_URL"] = self.base
        self.env = env
        self.background: list[subprocess.Popen] = []
        self.logs: list = []

    def localise(self, code: str) -> str:
        return code.replace("127.0.0.1:8000", f"127.0.0.1:{self.port}").replace(
            "--port 8000", f"--port {self.port}"
        )

    def run(self, command: list[str], block: Block) -> str:
        try:
            done = subprocess.run(
                command, cwd=self.work, env=self.env, capture_output=True, text=True, timeout=BLOCK_TIMEOUT
            )
        except FileNotFoundError as exc:
            pytest.fail(f"{block.where}: {command[0]} is not installed ({exc}); CI must install it")
        assert done.returncode == 0, (
            f"{block.where} exited {done.returncode}\n--- stdout\n{done.stdout[-3000:]}\n--- stderr\n"
            f"{done.stderr[-3000:]}"
        )
        return done.stdout

    def start_server(self, code: str, block: Block) -> str:
        log = (self.work / f"server-{len(self.background)}.log").open("w")
        self.logs.append(log)
        process = subprocess.Popen(
            ["sh", "-c", f"exec {code.strip()}"],
            cwd=self.work,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, so that its workers stop with it
        )
        self.background.append(process)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if process.poll() is not None:
                tail = Path(log.name).read_text()[-2000:]
                raise AssertionError(f"{block.where}: the server exited: {tail}")
            try:
                if httpx.get(f"{self.base}/health", timeout=2).status_code < 500:
                    return ""
            except httpx.TransportError:
                time.sleep(0.2)
        raise AssertionError(f"{block.where}: the server did not answer within 60 s")

    def stop(self) -> None:
        for process in self.background:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
                try:
                    process.wait(15)
                except subprocess.TimeoutExpired:
                    os.killpg(process.pid, signal.SIGKILL)
                    process.wait(5)
        for log in self.logs:
            log.close()


def _check_gazetteer_entry(code: str, block: Block) -> str:
    from pactgraph.extract.lexicon import gazetteer_entries, parse_gazetteer

    entries = parse_gazetteer(tomllib.loads(code), block.where)  # raises with the schema's message
    known = {(e.slug, e.cls) for e in gazetteer_entries()}
    for entry in entries:
        assert (entry.slug, entry.cls) in known, f"{block.where}: {entry.slug} is not in the gazetteer"
    return "\n".join(f"{e.slug} {len(e.all_names())} names" for e in entries)


def run_block(session: Session, block: Block) -> str:
    code = session.localise(block.code)
    if block.language == "sh" and block.extra == "server":
        return session.start_server(code, block)
    if block.language == "sh":
        return session.run(["sh", "-e", "-c", code], block)
    if block.language == "python":
        return session.run([sys.executable, "-c", code], block)
    if block.language == "js":
        return session.run(["node", "--input-type=module", "-e", code], block)
    if block.language == "r":
        return session.run(["Rscript", "-e", code], block)
    if block.language == "sparql":
        response = httpx.post(
            f"{session.base}/sparql",
            content=code.encode("utf-8"),
            headers={"Content-Type": "application/sparql-query", "Accept": "text/csv"},
            timeout=60,
        )
        assert response.status_code == 200, f"{block.where}: {response.status_code} {response.text[:2000]}"
        return response.text
    if block.language == "url":
        response = httpx.get(code.strip(), timeout=60)
        assert response.status_code == 200 and response.content, f"{block.where}: {response.status_code}"
        return response.text
    if block.language == "toml":
        return _check_gazetteer_entry(code, block)
    raise AssertionError(f"{block.where}: no runner for {block.language!r} blocks")


def test_tutorial_blocks_are_all_marked_and_norun_only_where_it_cannot_run():
    blocks = parse_blocks(TUTORIAL.read_text(encoding="utf-8"))
    languages = {b.language for b in blocks if b.mode == "test"}
    assert {"sh", "python", "js", "sparql", "url", "toml"} <= languages
    for block in blocks:
        if block.mode == "norun":
            assert block.language in {"r", "sh"}, f"{block.where}: only R and `make run` may be left unrun"
    for before, after in zip(blocks, blocks[1:], strict=False):
        if after.mode == "output":
            assert before.mode == "test", f"{after.where}: an output block must follow a block that runs"


def test_a_block_without_a_mode_is_refused():
    with pytest.raises(AssertionError, match="neither test, output nor norun"):
        parse_blocks("```python\nprint(1)\n```\n")
    with pytest.raises(AssertionError, match="must say why"):
        parse_blocks("```r norun\nx\n```\n")


@pytest.mark.slow
def test_every_tutorial_block_runs_against_a_real_server_and_prints_what_the_page_shows(tmp_path):
    blocks = parse_blocks(TUTORIAL.read_text(encoding="utf-8"))
    work = tmp_path / "work"
    shutil.copytree(CORPUS, work / "data" / "corpus")
    session = Session(work, _free_port())
    ran = []
    try:
        output: str | None = None
        for block in blocks:
            if block.mode == "output":
                assert output is not None, f"{block.where}: nothing ran before this output block"
                for line in filter(None, (ln.strip() for ln in block.code.splitlines())):
                    assert line in output, f"{block.where}: {line!r} is not in the output:\n{output[-3000:]}"
                continue
            output = None
            if block.mode == "norun" and not (block.language == "r" and shutil.which("Rscript")):
                continue
            output = run_block(session, block)
            ran.append(block.where)
    finally:
        session.stop()
    assert len(ran) >= 12, ran
