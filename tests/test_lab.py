"""`make lab`: the Jupyter server serves the notebooks and runs them in the project kernel.

A smoke test of what a reader gets from ``make lab``, done through the server's REST API and
kernel websocket as JupyterLab does: a Jupyter server on loopback (a free port, a random token,
a fresh runtime, config and data folder, so no user set-up is read) lists the notebooks, has the
``newscorpus`` kernel, and runs the parameter and import cells of each notebook in that kernel,
which imports the editable install of this repository's ``lib/``.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
import requests
import websocket

from .conftest import ROOT

NOTEBOOK_DIR = ROOT / "notebooks"
NOTEBOOKS = sorted(p.name for p in NOTEBOOK_DIR.glob("[0-9][0-9]-*.ipynb"))
KERNEL = "newscorpus"
STARTUP_TIMEOUT = 60  # seconds for the server to answer /api/status
CELL_TIMEOUT = 60  # seconds for one cell to run
HTTP_TIMEOUT = 10
ANSI = re.compile(r"\x1b\[[0-9;]*m")  # colours in kernel tracebacks


class Server:
    """A running Jupyter server: its base URL, token and log file."""

    def __init__(self, url: str, token: str, log: Path):
        self.url, self.token, self.log = url, token, log
        self.http = requests.Session()
        self.http.headers["Authorization"] = f"token {token}"

    def log_text(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else "(no log)"

    def api(self, method: str, path: str, **kwargs) -> requests.Response:
        response = self.http.request(method, self.url + path, timeout=HTTP_TIMEOUT, **kwargs)
        assert response.ok, (
            f"{method} {path}: HTTP {response.status_code} {response.text[:500]}\n"
            f"--- server log ---\n{self.log_text()[-3000:]}"
        )
        return response


def _wait_for_server(proc: subprocess.Popen, runtime: Path, token: str, log: Path) -> Server:
    """Return the server once its info file names its port and /api/status answers."""
    deadline = time.monotonic() + STARTUP_TIMEOUT
    info_file = runtime / f"jpserver-{proc.pid}.json"
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            break
        if info_file.is_file():
            try:
                port = json.loads(info_file.read_text())["port"]
                server = Server(f"http://127.0.0.1:{port}", token, log)
                if server.http.get(server.url + "/api/status", timeout=2).ok:
                    return server
            except (ValueError, KeyError, requests.RequestException):
                pass  # info file half written, or the server not answering yet
        time.sleep(0.2)
    if proc.poll() is not None:
        what = f"exited with code {proc.returncode} before answering /api/status"
    else:
        what = f"did not answer /api/status within {STARTUP_TIMEOUT} s"
    log_text = log.read_text(errors="replace") if log.exists() else "(no log)"
    pytest.fail(f"the Jupyter server {what}.\n--- server log ---\n{log_text}", pytrace=False)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A Jupyter server on 127.0.0.1 serving ``notebooks/``, stopped at the end in any case."""
    home = tmp_path_factory.mktemp("jupyter")
    runtime = home / "runtime"
    token = secrets.token_hex(24)
    env = dict(
        os.environ,
        JUPYTER_RUNTIME_DIR=str(runtime),
        JUPYTER_CONFIG_DIR=str(home / "config"),
        JUPYTER_DATA_DIR=str(home / "data"),  # no user kernel can shadow the project's
        IPYTHONDIR=str(home / "ipython"),  # no user IPython profile runs in the kernels
        JUPYTER_TOKEN=token,  # in the environment, not on the command line (ps)
    )
    cmd = [
        sys.executable, "-m", "jupyter_server",
        "--no-browser",
        "--ServerApp.ip=127.0.0.1",
        "--ServerApp.port=0",  # the OS picks a free port; read back from the info file
        "--ServerApp.port_retries=0",
        f"--ServerApp.root_dir={NOTEBOOK_DIR}",
    ]
    if os.name == "posix" and os.geteuid() == 0:
        cmd.append("--allow-root")
    log = home / "server.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(cmd, env=env, cwd=ROOT, stdin=subprocess.DEVNULL,
                                stdout=out, stderr=subprocess.STDOUT)
    try:
        yield _wait_for_server(proc, runtime, token, log)
    finally:
        # SIGTERM makes the server shut its kernels down before it exits.
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


def test_server_refuses_requests_without_the_token(server):
    response = requests.get(server.url + "/api/contents", timeout=HTTP_TIMEOUT)
    assert response.status_code == 403


def test_server_lists_the_notebooks_on_disk(server):
    listing = server.api("GET", "/api/contents").json()
    assert listing["type"] == "directory"
    listed = sorted(item["name"] for item in listing["content"] if item["type"] == "notebook")
    assert NOTEBOOKS, "no NN-*.ipynb notebooks in notebooks/"
    assert listed == NOTEBOOKS


def test_server_serves_jupyterlab(server):
    page = server.api("GET", "/lab")
    assert "JupyterLab" in page.text


def _require_project_kernel(server: Server) -> None:
    specs = server.api("GET", "/api/kernelspecs").json()["kernelspecs"]
    assert KERNEL in specs, (
        f"the Jupyter kernel {KERNEL!r} is not registered (found: {sorted(specs)}): "
        "run `make setup`"
    )


def test_server_has_the_project_kernel(server):
    _require_project_kernel(server)


def _message(msg_type: str, content: dict, session: str) -> dict:
    return {
        "header": {
            "msg_id": uuid.uuid4().hex, "msg_type": msg_type, "session": session,
            "username": "test", "version": "5.3",
            "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        },
        "parent_header": {}, "metadata": {}, "content": content, "channel": "shell",
        "buffers": [],
    }


class Kernel:
    """A kernel's websocket channel: send a request on shell, gather what answers it."""

    def __init__(self, ws: websocket.WebSocket, session: str):
        self.ws, self.session = ws, session

    def request(self, msg_type: str, content: dict) -> tuple[dict, list[dict]]:
        """Send a shell request; return its reply and its iopub messages up to ``idle``."""
        msg = _message(msg_type, content, self.session)
        msg_id = msg["header"]["msg_id"]
        self.ws.send(json.dumps(msg))
        reply, iopub, idle = None, [], False
        deadline = time.monotonic() + CELL_TIMEOUT
        while reply is None or not idle:
            remaining = deadline - time.monotonic()
            assert remaining > 0, (
                f"no complete answer to {msg_type} within {CELL_TIMEOUT} s; got {iopub}")
            self.ws.settimeout(remaining)
            raw = self.ws.recv()
            if isinstance(raw, bytes):
                continue  # a message with binary buffers (widgets): never one of ours here
            answer = json.loads(raw)
            if answer.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            if answer["channel"] == "shell":
                reply = answer
            elif answer["channel"] == "iopub":
                iopub.append(answer)
                idle |= (answer["msg_type"] == "status"
                         and answer["content"]["execution_state"] == "idle")
        return reply, iopub

    def execute(self, code: str) -> str:
        """Run ``code``; assert it ran without an error; return what it printed."""
        reply, iopub = self.request("execute_request", {
            "code": code, "silent": False, "store_history": True, "user_expressions": {},
            "allow_stdin": False, "stop_on_error": True,
        })
        errors = [m["content"] for m in iopub if m["msg_type"] == "error"]
        assert not errors, ANSI.sub("", "\n".join(
            f"{e['ename']}: {e['evalue']}\n" + "\n".join(e.get("traceback", [])) for e in errors))
        assert reply["msg_type"] == "execute_reply"
        assert reply["content"]["status"] == "ok", reply["content"]
        return "".join(m["content"]["text"] for m in iopub
                       if m["msg_type"] == "stream" and m["content"]["name"] == "stdout")


def _cells_to_run(nb: dict) -> tuple[list[str], str]:
    """The parameter cells (``parameters``, ``injected-parameters``) and the imports cell after."""
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    declared = {"parameters", "injected-parameters"}
    tagged = [i for i, c in enumerate(code) if declared & set(c["metadata"].get("tags", []))]
    assert tagged, "no cell tagged `parameters`"
    params = [code[i]["source"] for i in tagged]
    after = tagged[-1] + 1
    assert after < len(code), "no code cell after the parameters"
    return params, code[after]["source"]


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_imports_run_in_the_project_kernel(server, name):
    nb = server.api("GET", f"/api/contents/{name}", params={"content": 1}).json()
    assert nb["type"] == "notebook"
    params, imports = _cells_to_run(nb["content"])
    assert re.search(r"^\s*(from|import) ", imports, re.M), f"not the imports cell:\n{imports}"

    _require_project_kernel(server)
    # `path` sets the kernel's working directory: the notebook's folder, as in JupyterLab.
    kernel = server.api("POST", "/api/kernels", json={"name": KERNEL, "path": name}).json()
    try:
        session = uuid.uuid4().hex
        ws = websocket.create_connection(
            server.url.replace("http", "ws", 1)
            + f"/api/kernels/{kernel['id']}/channels?session_id={session}",
            header=[f"Authorization: token {server.token}"],
            timeout=CELL_TIMEOUT,
        )
        try:
            channel = Kernel(ws, session)
            reply, _ = channel.request("kernel_info_request", {})  # the kernel is ready
            assert reply["content"]["status"] == "ok"
            # The imports cell may use the parameters (02 does), so they run first, as in Lab.
            for source in params:
                channel.execute(source)
            channel.execute(imports)
            where = json.loads(channel.execute(
                "import json as _json, os as _os, newscorpus as _nc\n"
                "print(_json.dumps({'file': _nc.__file__, 'cwd': _os.getcwd()}))"
            ))
        finally:
            ws.close()
    finally:
        server.api("DELETE", f"/api/kernels/{kernel['id']}")

    # The editable install: the kernel imports this repository's lib/, not a copy.
    assert Path(where["file"]).resolve().is_relative_to(ROOT / "lib"), where["file"]
    assert Path(where["cwd"]).resolve() == NOTEBOOK_DIR.resolve(), where["cwd"]
