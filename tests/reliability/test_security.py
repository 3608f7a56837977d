"""Security: nobody writes without the token, nothing is fetched from hosts not allow-listed, no
path escapes its folder, oversized requests are refused, CORS is read-only, headers are set.

One writable server (token set) on a small store whose data folder also holds a dump and a file
that must never be served (``SECRET``). A listening "trap" socket stands in for an outside host:
SERVICE and LOAD towards it are refused, and the test checks it never received a connection.
"""

from __future__ import annotations

import gzip
import socket

import httpx
import pytest

TOKEN = "reliability-security-token-0123456789"
SECRET = "THE-SECRET-FILE-CONTENT-8f2c"
ID = "https://w3id.org/pactgraph/id/"
INSERT = (
    "INSERT DATA { GRAPH <http://example.org/intruder> { <http://example.org/s> <http://example.org/p> 1 } }"
)
TURTLE = "<http://example.org/s> <http://example.org/p> 1 ."


@pytest.fixture(scope="module")
def trap():
    """A TCP listener on 127.0.0.1 that records whether anything connected to it."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(16)
    sock.setblocking(False)
    yield sock, f"http://127.0.0.1:{sock.getsockname()[1]}/sparql"
    sock.close()


def _connections(sock: socket.socket) -> int:
    count = 0
    while True:
        try:
            conn, _ = sock.accept()
        except BlockingIOError:
            return count
        conn.close()
        count += 1


@pytest.fixture(scope="module")
def secured(tmp_path_factory, publish_store, launch_server):
    data_dir = tmp_path_factory.mktemp("secured-store")
    label = "<http://www.w3.org/2000/01/rdf-schema#label>"
    publish_store(data_dir, f'<{ID}state/vietnam> {label} "Việt Nam"@vi <{ID}document/d> .\n')
    (data_dir / "SECRET").write_text(SECRET)
    dumps = data_dir / "dumps"
    dumps.mkdir(exist_ok=True)
    (dumps / "pactgraph.nq.gz").write_bytes(
        gzip.compress(b"<http://e/s> <http://e/p> <http://e/o> <http://e/g> .\n")
    )
    server = launch_server(data_dir, update_token=TOKEN, max_body_bytes=200_000)
    yield server
    server.stop()


def _version(server) -> str:  # noqa: ANN001
    return httpx.get(f"{server.url}/health", timeout=10).json()["version"]


# --- writes --------------------------------------------------------------------------------------

WRITES = {
    "update, form": lambda s, h, p: httpx.post(s.sparql, data={"update": INSERT}, headers=h, params=p),
    "update, body": lambda s, h, p: httpx.post(
        s.sparql, content=INSERT, headers={"Content-Type": "application/sparql-update", **h}, params=p
    ),
    "Graph Store PUT": lambda s, h, p: httpx.put(
        s.store,
        params={"graph": "http://example.org/intruder", **p},
        content=TURTLE,
        headers={"Content-Type": "text/turtle", **h},
    ),
    "Graph Store POST": lambda s, h, p: httpx.post(
        s.store,
        params={"graph": "http://example.org/intruder", **p},
        content=TURTLE,
        headers={"Content-Type": "text/turtle", **h},
    ),
    "Graph Store POST, new graph": lambda s, h, p: httpx.post(
        s.store, params=p, content=TURTLE, headers={"Content-Type": "text/turtle", **h}
    ),
    "Graph Store DELETE": lambda s, h, p: httpx.delete(
        s.store, params={"graph": f"{ID}document/d", **p}, headers=h
    ),
}
CREDENTIALS = {
    "no token": ({}, {}, 401),
    "wrong token": ({"Authorization": "Bearer not-the-token-but-long-enough"}, {}, 403),
    "not a bearer token": ({"Authorization": f"Basic {TOKEN}"}, {}, 401),
    "token in the query string": ({}, {"token": TOKEN}, 400),
    "access_token in the query string": ({}, {"access_token": TOKEN}, 400),
    "right token also in the query string": ({"Authorization": f"Bearer {TOKEN}"}, {"token": TOKEN}, 400),
}


@pytest.mark.parametrize("credentials", list(CREDENTIALS))
@pytest.mark.parametrize("write", list(WRITES))
def test_writes_are_refused_without_the_token_and_change_nothing(secured, write, credentials):
    headers, params, status = CREDENTIALS[credentials]
    before = _version(secured)
    response = WRITES[write](secured, headers, params)
    assert response.status_code == status, (
        f"{write} with {credentials}: {response.status_code} {response.text}"
    )
    assert "Traceback" not in response.text and response.text.strip(), "the refusal says why"
    if status == 401:
        assert response.headers["www-authenticate"].startswith("Bearer")
    assert _version(secured) == before, "a refused write changed the store"


def test_the_right_token_is_accepted(secured):
    before = _version(secured)
    update = (
        "INSERT DATA { GRAPH <http://example.org/ok> { <http://example.org/s> <http://example.org/ok> 1 } }"
    )
    response = httpx.post(
        secured.sparql, data={"update": update}, headers={"Authorization": f"Bearer {TOKEN}"}
    )
    assert response.status_code == 200, response.text
    assert _version(secured) != before


# --- SERVICE and LOAD ----------------------------------------------------------------------------


def test_service_and_load_to_a_host_not_allow_listed_are_refused_and_never_connect(secured, trap):
    sock, url = trap
    queries = [
        f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ service silent <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ SERVICE # a comment\n <{url}> {{ ?s ?p ?o }} }}",
        f"PREFIX t: <{url[:-6]}> SELECT * WHERE {{ SERVICE t:sparql {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ BIND(<{url}> AS ?e) SERVICE ?e {{ ?s ?p ?o }} }}",
        f"ASK {{ {{ SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }} }}",
    ]
    auth = {"Authorization": f"Bearer {TOKEN}"}
    updates = [
        f"LOAD <{url}>",
        f"LOAD SILENT <{url}> INTO GRAPH <http://example.org/g>",
        f"INSERT {{ ?s ?p ?o }} WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
    ]
    for query in queries:
        response = httpx.post(secured.sparql, data={"query": query}, timeout=30)
        assert response.status_code == 400, f"{query}: {response.status_code} {response.text}"
        assert "PACTGRAPH_SERVICE_ALLOWLIST" in response.text
    for update in updates:
        response = httpx.post(secured.sparql, data={"update": update}, headers=auth, timeout=30)
        assert response.status_code == 400, f"{update}: {response.status_code} {response.text}"
    assert _connections(sock) == 0, "the server connected to a host that is not allow-listed"


# --- paths ---------------------------------------------------------------------------------------

TRAVERSALS = [
    "/static/web/..%2f..%2f..%2fpyproject.toml",
    "/static/web/%2e%2e%2f%2e%2e%2fpyproject.toml",
    "/static/web/%252e%252e%252fpyproject.toml",
    "/static/vendor/..%2f..%2f..%2fpyproject.toml",
    "/static/vendor/yasgui/..%5c..%5c..%5cpyproject.toml",
    "/static/vendor/%c0%ae%c0%ae%c0%af%c0%ae%c0%ae%c0%afpyproject.toml",
    "/static/web/web.css%00.html",
    "/dumps/..%2fSECRET",
    "/dumps/..%2f..%2fSECRET",
    "/dumps/%2e%2e%2fSECRET",
    "/dumps/pactgraph.nq.gz%00",
    "/dumps/%c0%ae%c0%ae%c0%afSECRET",
    "/dumps/..%5cSECRET",
    "/id/..%2f..%2fSECRET",
    "/id/state/..%2f..%2f..%2fSECRET",
    "/id/%c0%ae%c0%ae%c0%afSECRET",
    "/id/state/vietnam%00",
    "/id/state/%00%00",
    "/store/..%2f..%2fSECRET",
]


def _raw_get(base: str, path: str) -> tuple[int, bytes]:
    """GET *path* exactly as written (no client-side normalisation of dots or escapes)."""
    host, port = base.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=30) as conn:
        conn.sendall(f"GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode())
        data = b""
        while chunk := conn.recv(65536):
            data += chunk
    status = int(data.split(b" ", 2)[1])
    return status, data


@pytest.mark.parametrize("path", TRAVERSALS)
def test_no_path_escapes_its_folder(secured, path):
    status, data = _raw_get(secured.url, path)
    assert 400 <= status < 500, f"{path}: {status}"
    assert SECRET.encode() not in data and b"[build-system]" not in data, (
        f"{path} served a file outside its folder"
    )
    assert b"Traceback" not in data


def test_the_dump_itself_is_served(secured):
    status, data = _raw_get(secured.url, "/dumps/pactgraph.nq.gz")
    assert status == 200 and gzip.decompress(data.split(b"\r\n\r\n", 1)[1]).startswith(b"<http://e/s>")


# --- sizes ---------------------------------------------------------------------------------------


def test_an_oversized_body_is_413_before_it_is_read(secured):
    response = httpx.post(
        secured.sparql,
        content=b"query=" + b"x" * 1_000_000,
        headers={"Content-Type": "application/x-www-form-urlencoded"},
        timeout=30,
    )
    assert response.status_code == 413 and "PACTGRAPH_MAX_BODY_BYTES" in response.text
    put = httpx.put(
        secured.store,
        params={"graph": "http://example.org/big"},
        content=b"<http://e/s> <http://e/p> 1 .\n" * 20_000,
        headers={"Content-Type": "application/n-triples", "Authorization": f"Bearer {TOKEN}"},
        timeout=30,
    )
    assert put.status_code == 413


def test_oversized_headers_and_urls_are_refused(secured):
    big_header = httpx.get(f"{secured.url}/health", headers={"X-Big": "a" * 100_000}, timeout=30)
    assert big_header.status_code == 431
    host, port = secured.url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=30) as conn:
        many = "".join(f"X-H{i}: v\r\n" for i in range(5000))
        conn.sendall(f"GET /health HTTP/1.1\r\nHost: {host}\r\n{many}\r\n".encode())
        assert conn.recv(100).split(b" ")[1] == b"431"
    status, data = _raw_get(secured.url, "/sparql?query=" + "a" * 300_000)
    assert status in (400, 413, 414, 431), status  # h11 refuses a request line past its limit with 400
    assert httpx.get(f"{secured.url}/health", timeout=10).status_code == 200  # and it goes on serving


# --- CORS and headers ----------------------------------------------------------------------------


def test_cors_allows_reads_from_anywhere_but_never_credentials_or_writes(secured):
    origin = {"Origin": "https://elsewhere.example"}
    read = httpx.get(secured.sparql, params={"query": "ASK {}"}, headers={**origin, "Cookie": "session=1"})
    assert read.headers["access-control-allow-origin"] == "*"
    assert "access-control-allow-credentials" not in read.headers
    for method, headers in (("PUT", "content-type"), ("DELETE", ""), ("POST", "authorization")):
        preflight = httpx.options(
            secured.store,
            params={"graph": "http://example.org/g"},
            headers={
                **origin,
                "Access-Control-Request-Method": method,
                "Access-Control-Request-Headers": headers,
            },
        )
        allowed_methods = preflight.headers.get("access-control-allow-methods", "").upper()
        allowed_headers = preflight.headers.get("access-control-allow-headers", "").lower()
        assert "access-control-allow-credentials" not in preflight.headers
        if method in ("PUT", "DELETE"):
            assert method not in allowed_methods, f"a browser may {method} from another origin"
        else:  # a cross-origin POST may be a query, but may not carry the token
            assert "authorization" not in allowed_headers


@pytest.mark.parametrize(
    "path", ["/", "/id/state/vietnam", "/search?q=Vi", "/editor", "/explorer", "/ontology", "/no/such/page"]
)
def test_every_response_has_nosniff_and_html_has_a_content_security_policy(secured, path):
    response = httpx.get(f"{secured.url}{path}", headers={"Accept": "text/html"}, follow_redirects=True)
    assert response.headers["x-content-type-options"] == "nosniff"
    if response.headers.get("content-type", "").startswith("text/html"):
        policy = response.headers["content-security-policy"]
        assert (
            "script-src 'self'" in policy
            and "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
        )


@pytest.mark.parametrize("path", ["/no/such/route", "/id/state/viet%0Anam", "/id/%0A", "/static/%0A"])
def test_unrouted_paths_get_a_plain_text_404_like_every_other_error(secured, path):
    status, data = _raw_get(secured.url, path)
    head, _, body = data.partition(b"\r\n\r\n")
    assert status == 404, path
    assert b"content-type: text/plain" in head.lower() and body.strip(), head
    assert b'{"detail"' not in body
