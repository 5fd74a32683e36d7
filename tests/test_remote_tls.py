"""A remote Neo4j over TLS, as a user meets it: NEO4J_URI, a user of its own, a private CA.

A second real server of this module's own (127.0.0.1 only) requires TLS on Bolt, with a
certificate signed by a CA made here with the ``openssl`` command; a non-default user is
created on it. The CLI then runs in a fresh process, as a user would run it, with nothing
but environment variables: ``NEO4J_URI=bolt+s://localhost:PORT`` (or ``neo4j+s://``),
``NEO4J_USERNAME``, ``NEO4J_PASSWORD`` and ``NEO4J_TRUSTED_CA``, and an empty casegraph home
(no local server to fall back on). Passwords travel by environment only and never show in
any output.
"""

from __future__ import annotations

import dataclasses
import http.client
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import neo4j
import pytest
from neo4j.exceptions import ServiceUnavailable

from graph.db import server
from graph.errors import ServerError
from tests.conftest import make_settings

pytestmark = pytest.mark.neo4j

ROOT = Path(__file__).resolve().parent.parent
CRIMEA = ROOT / "examples" / "crimea"
USER = "analyst"  # not the default neo4j user
TLS_CONF = """\
# Bolt takes TLS connections only, with the key and certificate in certificates/bolt/.
server.bolt.tls_level=REQUIRED
dbms.ssl.policy.bolt.enabled=true
dbms.ssl.policy.bolt.base_directory=certificates/bolt
dbms.ssl.policy.bolt.private_key=private.key
dbms.ssl.policy.bolt.public_certificate=public.crt
dbms.ssl.policy.bolt.client_auth=NONE
"""


def _openssl(folder: Path, *args: str) -> None:
    done = subprocess.run(["openssl", *args], cwd=folder, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A private CA (``ca.pem``) and a server key and certificate for localhost and 127.0.0.1 signed by it."""
    folder = tmp_path_factory.mktemp("pki")
    _openssl(folder, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem",
             "-days", "2", "-subj", "/CN=casegraph test CA",
             "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign")
    _openssl(folder, "req", "-newkey", "rsa:2048", "-nodes", "-keyout", "private.key", "-out", "server.csr",
             "-subj", "/CN=localhost")
    (folder / "server.ext").write_text("subjectAltName=DNS:localhost,IP:127.0.0.1\nbasicConstraints=CA:FALSE\n"
                                       "keyUsage=critical,digitalSignature,keyEncipherment\n"
                                       "extendedKeyUsage=serverAuth\n")
    _openssl(folder, "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-set_serial", "2",
             "-days", "2", "-extfile", "server.ext", "-out", "public.crt")
    return folder


@dataclasses.dataclass(frozen=True)
class Remote:
    """The TLS server as a user sees it."""

    port: int
    password: str  # USER's
    ca: Path
    home: Path  # an empty casegraph home for the CLI: no local server there

    @property
    def uri(self) -> str:
        return f"bolt+s://localhost:{self.port}"

    def env(self, **changes: str | None) -> dict[str, str]:
        """The environment of a user of this server; ``changes`` set (or with None, drop) variables."""
        env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "SSL_CERT_"))}
        env.update(CASEGRAPH_HOME=str(self.home), PYTHONPATH=str(ROOT), PYTHONUNBUFFERED="1",
                   NEO4J_URI=self.uri, NEO4J_USERNAME=USER, NEO4J_PASSWORD=self.password,
                   NEO4J_TRUSTED_CA=str(self.ca))
        for name, value in changes.items():
            if value is None:
                env.pop(name, None)
            else:
                env[name] = value
        return env

    def run(self, *args: str, ok: bool = True, **changes: str | None) -> subprocess.CompletedProcess[str]:
        """``casegraph ARGS`` in a fresh process; checks the exit status and that no password shows."""
        done = subprocess.run([sys.executable, "-m", "casegraph", *args], cwd=self.home, env=self.env(**changes),
                              capture_output=True, text=True, timeout=600)
        assert (done.returncode == 0) == ok, (args, done.returncode, done.stdout[-2000:], done.stderr[-2000:])
        assert self.password not in done.stdout + done.stderr
        return done


@pytest.fixture(scope="module")
def remote(tmp_path_factory: pytest.TempPathFactory, pki: Path) -> Iterator[Remote]:
    """A second server requiring TLS on Bolt, with the user ``analyst``; stopped at the end."""
    settings = dataclasses.replace(make_settings(tmp_path_factory.mktemp("tls-server")), neo4j_heap="512m")
    home = settings.server_dir / "home"  # the launcher's Neo4j home: conf/neo4j.conf, certificates/bolt/
    (home / "certificates" / "bolt").mkdir(parents=True)
    (home / "conf").mkdir()
    for name in ("private.key", "public.crt"):
        shutil.copy(pki / name, home / "certificates" / "bolt" / name)
    (home / "certificates" / "bolt" / "private.key").chmod(0o600)
    (home / "conf" / "neo4j.conf").write_text(TLS_CONF)
    info = server.start(settings, timeout=600, owner_pid=os.getpid(), browser=False)
    try:
        password = secrets.token_urlsafe(18)
        with neo4j.GraphDatabase.driver(info.bolt_uri, auth=(info.username, info.password())) as driver:
            driver.execute_query("CREATE USER analyst SET PASSWORD $pw CHANGE NOT REQUIRED", pw=password,
                                 database_="system")
        yield Remote(int(info.bolt_uri.rsplit(":", 1)[1]), password, pki / "ca.pem",
                     Path(tmp_path_factory.mktemp("user-home")))
    finally:
        server.stop(settings)


def test_the_server_takes_tls_only_with_the_certificate_of_its_ca(remote: Remote) -> None:
    with neo4j.GraphDatabase.driver(f"bolt+ssc://127.0.0.1:{remote.port}", auth=(USER, remote.password)) as driver:
        driver.verify_connectivity()
    with neo4j.GraphDatabase.driver(f"bolt://127.0.0.1:{remote.port}", auth=(USER, remote.password),
                                    connection_timeout=10) as driver, pytest.raises(ServiceUnavailable):
        driver.verify_connectivity()  # plain Bolt: the server hangs up
    with neo4j.GraphDatabase.driver(f"bolt://localhost:{remote.port}", auth=(USER, remote.password), encrypted=True,
                                    trusted_certificates=neo4j.TrustCustomCAs(str(remote.ca))) as driver:
        records, _, _ = driver.execute_query("SHOW CURRENT USER YIELD user", database_="system")
    assert [r["user"] for r in records] == [USER]


def test_load_query_connect_and_view_over_tls(remote: Remote, tmp_path: Path) -> None:
    loaded = json.loads(remote.run("load", str(CRIMEA), "--format", "json").stdout)
    assert loaded["uri"] == remote.uri

    counted = json.loads(remote.run("query", "--cypher", "MATCH (e:Entity) RETURN count(e) AS n",
                                    "--format", "json").stdout)
    assert counted["columns"] == ["n"] and counted["rows"][0]["n"] == sum(
        loaded[what]["entities"] for what in ("created", "updated", "unchanged"))

    # The graph read back over TLS answers like the fact files it was loaded from.
    from_neo4j = remote.run("connect", "Chalgozov", "Polozov", "--from", "neo4j", "--format", "json",
                            NEO4J_URI=f"neo4j+s://localhost:{remote.port}").stdout
    from_files = remote.run("connect", "Chalgozov", "Polozov", str(CRIMEA), "--format", "json").stdout
    assert json.loads(from_neo4j) == json.loads(from_files)
    assert "Polozov" in from_neo4j

    out = tmp_path / "remote.html"
    remote.run("view", "--from", "neo4j", "-o", str(out))
    page = out.read_text(encoding="utf-8")
    assert "Nikolai Polozov" in page and "Kurtumer Chalgozov" in page


def test_serve_over_tls(remote: Remote) -> None:
    remote.run("load", str(CRIMEA))  # idempotent: the test stands alone
    proc = subprocess.Popen([sys.executable, "-m", "casegraph", "serve", "--port", "0"], cwd=remote.home,
                            env=remote.env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()  # "casegraph serve: open http://127.0.0.1:PORT/?token=..."
        assert "open http://127.0.0.1:" in line, (line, proc.stderr.read() if proc.poll() is not None else "")
        url = line.split("open ", 1)[1].strip()
        port = int(url.split(":")[2].split("/")[0])
        token = url.split("token=", 1)[1]
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        conn.request("GET", "/api/search?q=Polozov", headers={
            "Host": f"127.0.0.1:{port}", "Cookie": f"casegraph_token_{port}={token}"})
        resp = conn.getresponse()
        body = resp.read()
        conn.close()
        assert resp.status == 200, body[:300]
        assert "Nikolai Polozov" in body.decode()
    finally:
        proc.send_signal(signal.SIGINT)  # Ctrl-C
        try:
            proc.wait(60)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(30)
    _, err = proc.communicate()
    assert remote.password not in err


def test_the_ca_can_come_from_the_system_trust_store_variable(remote: Remote) -> None:
    """Without NEO4J_TRUSTED_CA, a ``+s`` URI checks the system's trust store (which SSL_CERT_FILE names)."""
    done = remote.run("query", "--cypher", "RETURN 1 AS one", "--format", "json",
                      NEO4J_TRUSTED_CA=None, SSL_CERT_FILE=str(remote.ca))
    assert json.loads(done.stdout)["rows"] == [{"one": 1}]


def test_an_untrusted_certificate_is_refused_in_one_line_that_says_what_to_do(remote: Remote) -> None:
    for uri in (remote.uri, f"neo4j+s://localhost:{remote.port}"):  # direct, and routed
        done = remote.run("query", "--cypher", "RETURN 1 AS one", ok=False, NEO4J_TRUSTED_CA=None, NEO4J_URI=uri)
        assert done.stderr == (f"Error: Neo4j at {uri} sent a certificate that is not trusted (unable to get "
                               "local issuer certificate): if a private CA signed it, set NEO4J_TRUSTED_CA to "
                               "that CA's PEM file\n")


def test_a_trusted_ca_needs_a_scheme_that_checks_the_certificate(remote: Remote, tmp_path: Path) -> None:
    for uri in (f"bolt://localhost:{remote.port}", f"bolt+ssc://localhost:{remote.port}"):
        done = remote.run("query", "--cypher", "RETURN 1", ok=False, NEO4J_URI=uri)
        assert done.stderr.strip() == (f"Error: NEO4J_TRUSTED_CA is set but NEO4J_URI '{uri}' does not ask for a "
                                       "checked certificate: use bolt+s:// or neo4j+s://")
    missing = tmp_path / "missing.pem"
    done = remote.run("query", "--cypher", "RETURN 1", ok=False, NEO4J_TRUSTED_CA=str(missing))
    assert done.stderr.strip() == (f"Error: NEO4J_TRUSTED_CA {missing}: not a readable PEM certificate file "
                                   "(No such file or directory)")
    garbage = tmp_path / "garbage.pem"
    garbage.write_text("not a certificate\n")
    done = remote.run("query", "--cypher", "RETURN 1", ok=False, NEO4J_TRUSTED_CA=str(garbage))
    assert done.stderr.strip().startswith(f"Error: NEO4J_TRUSTED_CA {garbage}: not a readable PEM certificate file")
    assert len(done.stderr.strip().splitlines()) == 1


def test_bulk_load_is_refused_with_what_to_do_instead(remote: Remote) -> None:
    done = remote.run("load", "--bulk", str(CRIMEA), ok=False)
    assert done.stderr.strip() == (
        f"Error: --bulk loads only into the local server casegraph runs, not NEO4J_URI ({remote.uri}): "
        "Neo4j's import tool writes the database files on the server itself; write them with "
        "'casegraph export --to csv' and run the neo4j-admin import command it prints on that server, "
        "or load without --bulk")
    assert done.stdout == ""


def test_the_launcher_takes_only_tls_settings(tmp_path: Path) -> None:
    """A config line that would open the server up is refused before anything starts."""
    settings = make_settings(tmp_path / "casegraph")
    conf = settings.server_dir / "home" / "conf" / "neo4j.conf"
    conf.parent.mkdir(parents=True)
    conf.write_text("server.bolt.tls_level=REQUIRED\nserver.default_listen_address=0.0.0.0\n")
    with pytest.raises(ServerError) as err:
        server.start(settings, timeout=600, owner_pid=os.getpid(), browser=False)
    assert (f"{conf} line 2: the launcher does not take the setting 'server.default_listen_address' (only "
            "server.bolt.tls_level and dbms.ssl.policy.bolt.*: Bolt stays on 127.0.0.1 with authentication on)"
            ) in str(err.value)
    assert server.status(settings) is None


@pytest.mark.parametrize(("text", "expected"), [
    (None, "the config file {conf} does not exist"),
    ("server.bolt.tls_level=ALWAYS\n", "{conf}: server.bolt.tls_level must be REQUIRED, OPTIONAL or DISABLED, "
                                       "not 'ALWAYS'"),
    ("# TLS\ndbms.ssl.policy.bolt.enabled\n", "{conf} line 2: expected key=value"),
])
def test_the_launcher_config_option_is_checked_before_anything_starts(tmp_path: Path, text: str | None,
                                                                       expected: str) -> None:
    """``--config FILE`` (the jar run by hand): a bad file is one line on stderr, exit 2."""
    jar = server.build_launcher(make_settings(tmp_path / "casegraph"))
    conf = tmp_path / "tls.conf"
    if text is not None:
        conf.write_text(text)
    (tmp_path / "password").write_text(secrets.token_urlsafe(18))
    java = str(Path(os.environ["JAVA_HOME"]) / "bin" / "java") if os.environ.get("JAVA_HOME") else "java"
    done = subprocess.run([java, "-jar", str(jar), "--home", str(tmp_path / "home"), "--port", "1",
                           "--password-file", str(tmp_path / "password"), "--ready-file", str(tmp_path / "ready"),
                           "--config", str(conf)], capture_output=True, text=True, timeout=300)
    assert (done.returncode, done.stderr) == (2, f"casegraph-neo4j: {expected.format(conf=conf)}\n")
    assert not (tmp_path / "home").exists()
