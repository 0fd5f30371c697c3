"""The production stack on this machine, for the smoke tests: PostgreSQL behind a fault
proxy, a Redis of its own, two gunicorn app servers and nginx running deploy/nginx.conf.

Everything listens on 127.0.0.1 only, runs as a child process (or thread) of the test run
with a bounded wait for each step, and is stopped again by `Stack.stop()`."""

import ctypes
import http.client
import json
import os
import random
import re
import secrets
import selectors
import shutil
import signal
import socket
import ssl
import struct
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlencode, urlsplit

REPO = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent
NGINX_CONF = REPO / "deploy" / "nginx.conf"
GUNICORN_CONF = REPO / "deploy" / "gunicorn.conf.py"
NGINX_MODULES = Path("/usr/lib/nginx/modules")
BROTLI_MODULES = ["ngx_http_brotli_filter_module.so", "ngx_http_brotli_static_module.so"]
POSTGRES = ("127.0.0.1", 5432)
DATABASE = "dinutvei_smoke"
# Ports below Linux's ephemeral range (32768 and up): a port that a stopped Redis or the
# fault proxy gives up for a while is not taken meanwhile by some outgoing connection.
PORT_RANGE = (20000, 32000)
# The answer code as the asker is shown it (questions/codes.py).
CODE_PATTERN = re.compile(r"[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}")
# What every page of the portal shows when something is wrong: the helpline.
HELPLINE = "116 006"
# The stack's certificate is self-signed: no verification.
UNVERIFIED_TLS = ssl.create_default_context()
UNVERIFIED_TLS.check_hostname = False
UNVERIFIED_TLS.verify_mode = ssl.CERT_NONE
_ports_given = set()


def free_port():
    for _ in range(200):
        port = random.randint(*PORT_RANGE)
        if port in _ports_given:
            continue
        _ports_given.add(port)
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("no free port found")


def wait_until(condition, *, timeout, what, interval=0.1):
    """Poll `condition` until it returns something true; fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            result = condition()
        except (OSError, http.client.HTTPException):  # not listening or answering yet
            result = None
        if result:
            return result
        if time.monotonic() > deadline:
            raise TimeoutError(f"{what}: not ready within {timeout} s")
        time.sleep(interval)


def missing_parts():
    """What this machine lacks to run the stack, in words for a skip or failure message."""
    missing = [
        f"{name} (apt-get install {package})"
        for name, package in [
            ("nginx", "nginx"),
            ("redis-server", "redis-server"),
            ("openssl", "openssl"),
        ]
        if not shutil.which(name)
    ]
    for module in BROTLI_MODULES:
        if not (NGINX_MODULES / module).exists():
            package = "libnginx-mod-http-brotli-" + module.split("_")[3]
            missing.append(f"nginx's {module} (apt-get install {package})")
    try:
        socket.create_connection(POSTGRES, timeout=2).close()
    except OSError:
        missing.append("PostgreSQL on 127.0.0.1:5432")
    return missing


# --- HTTP ---------------------------------------------------------------------------------------


@dataclass
class Response:
    url: str
    status: int
    headers: http.client.HTTPMessage
    body: bytes
    seconds: float

    @property
    def text(self):
        return self.body.decode("utf-8", errors="replace")

    def header(self, name, default=""):
        return self.headers.get(name, default)


def http_request(url, *, method="GET", data=None, headers=None, timeout=15.0):
    """One request, redirects not followed, body not decoded. `data` (a dict) is sent as a
    form."""
    parts = urlsplit(url)
    headers = dict(headers or {})
    body = None
    if data is not None:
        body = urlencode(data, doseq=True).encode()
        headers.setdefault("Content-Type", "application/x-www-form-urlencoded")
    if parts.scheme == "https":
        connection = http.client.HTTPSConnection(
            parts.hostname, parts.port, timeout=timeout, context=UNVERIFIED_TLS
        )
    else:
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    target = parts.path or "/"
    if parts.query:
        target += "?" + parts.query
    started = time.monotonic()
    try:
        connection.request(method, target, body=body, headers=headers)
        response = connection.getresponse()
        content = response.read()
    finally:
        connection.close()
    return Response(url, response.status, response.headers, content, time.monotonic() - started)


class PageParser(HTMLParser):
    """A page's links (<a href>) and the resources it makes the browser fetch."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links, self.resources = [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        # Language alternates are pages, each crawled in its own language: not resources.
        if tag == "link" and attrs.get("href") and not attrs.get("hreflang"):
            self.resources.append(attrs["href"])
        if tag in ("script", "img") and attrs.get("src"):
            self.resources.append(attrs["src"])
        for name, value in attrs.items():
            if name.startswith("data-") and name.endswith("-url") and value:
                self.resources.append(value)
            if name.startswith("data-") and name.endswith("-urls") and value:
                self.resources.extend(json.loads(value).values())  # {name: url}


def parse_page(html):
    parser = PageParser()
    parser.feed(html)
    return parser


def find_link(html, pattern, prefix=""):
    """The first link on the page whose path (without the language prefix) matches."""
    for href in parse_page(html).links:
        path = href.split("#")[0]
        if prefix and path.startswith(prefix + "/"):
            path = path[len(prefix) :]
        elif prefix:
            continue
        if re.match(pattern, path):
            return prefix + path
    return None


class FormParser(HTMLParser):
    """The fields of a page's forms: name → {"type", "values"} (for a select, its options)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.fields, self._select = {}, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("input", "textarea") and attrs.get("name"):
            entry = self.fields.setdefault(
                attrs["name"], {"type": attrs.get("type", tag), "values": []}
            )
            entry["values"].append(attrs.get("value") or "")
        elif tag == "select" and attrs.get("name"):
            self._select = self.fields.setdefault(attrs["name"], {"type": "select", "values": []})
        elif tag == "option" and self._select is not None:
            self._select["values"].append(attrs.get("value") or "")

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None


def form_fields(html):
    parser = FormParser()
    parser.feed(html)
    return parser.fields


# --- The fault proxy --------------------------------------------------------------------------


class FaultProxy:
    """A TCP forwarder between the app servers and PostgreSQL that can fail on command.

    pass:  forwards both ways.
    down:  the listening socket is closed and every connection reset: "connection refused".
    stall: connections are accepted, but nothing is forwarded, on new or existing ones: a
           server that hangs, or a network that drops packets.
    One thread with a selector does all the work; modes change inside that thread."""

    def __init__(self, target):
        self.target = target
        self.port = free_port()
        self.mode = "pass"
        self._selector = selectors.DefaultSelector()
        self._peers = {}  # socket → the socket it forwards to
        self._held = set()  # accepted while stalled, never connected to the target
        self._commands = []
        self._waker, self._wake = socket.socketpair()
        self._selector.register(self._waker, selectors.EVENT_READ, "wake")
        self._listener = None
        self._listen()
        self._running = True
        self._thread = threading.Thread(target=self._run, name="fault-proxy", daemon=True)
        self._thread.start()

    def set_mode(self, mode):
        assert mode in ("pass", "down", "stall"), mode
        done = threading.Event()
        self._commands.append((mode, done))
        self._wake.send(b"x")
        if not done.wait(5):
            raise RuntimeError(f"the fault proxy did not switch to {mode!r}")

    def close(self):
        self._running = False
        self._wake.send(b"x")
        self._thread.join(5)

    # Everything below runs in the proxy's thread.
    def _listen(self):
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(64)
        listener.setblocking(False)
        self._listener = listener
        self._selector.register(listener, selectors.EVENT_READ, "accept")

    def _run(self):
        while self._running:
            for key, _events in self._selector.select(timeout=0.5):
                if key.data == "wake":
                    self._waker.recv(4096)
                    self._apply_commands()
                elif key.data == "accept":
                    if key.fileobj is self._listener:  # not closed earlier in this round
                        self._accept()
                elif self.mode == "pass":
                    self._forward(key.fileobj)
        for sock in [*self._peers, *self._held, self._listener]:
            if sock is not None:
                self._reset(sock)

    def _apply_commands(self):
        while self._commands:
            mode, done = self._commands.pop(0)
            if mode != self.mode:
                if self.mode == "down":
                    self._listen()
                if mode == "down":
                    self._selector.unregister(self._listener)
                    self._listener.close()
                    self._listener = None
                    for sock in [*self._peers, *self._held]:
                        self._reset(sock)
                if self.mode == "stall":
                    for sock in list(self._held):
                        self._reset(sock)
                # Stalled: existing connections stay open, but nothing is read from them.
                for sock in self._peers:
                    if mode == "stall":
                        self._selector.unregister(sock)
                    elif self.mode == "stall" and mode == "pass":
                        self._selector.register(sock, selectors.EVENT_READ, "data")
                self.mode = mode
            done.set()

    def _accept(self):
        try:
            client, _address = self._listener.accept()
        except BlockingIOError:
            return
        if self.mode == "stall":
            self._held.add(client)
            return
        try:
            upstream = socket.create_connection(self.target, timeout=2)
        except OSError:
            self._reset(client)
            return
        for sock in (client, upstream):
            sock.settimeout(5)
            self._selector.register(sock, selectors.EVENT_READ, "data")
        self._peers[client], self._peers[upstream] = upstream, client

    def _forward(self, sock):
        peer = self._peers.get(sock)
        if peer is None:
            return
        try:
            data = sock.recv(65536)
            if data:
                peer.sendall(data)
                return
        except OSError:
            pass
        for each in (sock, peer):
            self._reset(each)

    def _reset(self, sock):
        """Close with a reset (RST), as a crashed server or broken network would."""
        self._peers.pop(sock, None)
        self._held.discard(sock)
        try:
            self._selector.unregister(sock)
        except (KeyError, ValueError):
            pass
        try:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        except OSError:
            pass
        sock.close()


# --- Child processes ------------------------------------------------------------------------

_libc = ctypes.CDLL(None, use_errno=True)
PR_SET_PDEATHSIG = 1


def end_with_the_tests():
    """In the child, before exec: SIGTERM when the test run ends, even if it is killed, so
    that no server outlives it. (Each child has a process group of its own, so that a ^C
    does not reach it before the teardown.)"""
    os.setsid()
    _libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def stop_process(process, *, timeout=10):
    """SIGTERM to the process group, SIGKILL if it has not ended within `timeout` s."""
    if process is None or process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(5)
    except ProcessLookupError:
        pass


class RedisServer:
    """A Redis of the stack's own, without persistence, that tests may stop and start again
    on the same port."""

    def __init__(self, workdir):
        self.workdir = workdir
        self.port = free_port()
        self.process = None

    def start(self):
        log = open(self.workdir / "redis.log", "ab")  # noqa: SIM115 - kept by the process
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.workdir),
                "--loglevel",
                "warning",
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
            preexec_fn=end_with_the_tests,
        )
        log.close()
        wait_until(self.ping, timeout=10, what="redis-server")

    def stop(self):
        stop_process(self.process)
        self.process = None

    def ping(self):
        with socket.create_connection(("127.0.0.1", self.port), timeout=1) as connection:
            connection.sendall(b"PING\r\n")
            return connection.recv(16).startswith(b"+PONG")


def nginx_config(source, *, workdir, app_ports, http_port, https_port, srv, certs):
    """deploy/nginx.conf with this environment's values in place of production's. Each
    replaced text must occur exactly as often as given: if deploy/nginx.conf changes, this
    says which value it no longer finds instead of testing something else."""
    user = "user root;" if os.geteuid() == 0 else "# user: as whoever runs the tests"
    temp_paths = "".join(
        f"\n    {kind}_temp_path {workdir}/temp-{kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    replacements = [
        # Workers as the test's user (as root: root, who can read the temporary folder).
        ("user www-data;", user, 1),
        ("pid /run/nginx.pid;", f"pid {workdir}/nginx.pid;", 1),
        ("error_log stderr warn;", f"error_log {workdir}/error.log warn;", 1),
        ("access_log /dev/stdout privacy;", f"access_log {workdir}/access.log privacy;", 1),
        ("server app1:8000 ", f"server 127.0.0.1:{app_ports[0]} ", 1),
        ("server app2:8000 ", f"server 127.0.0.1:{app_ports[1]} ", 1),
        ("listen 80;", f"listen 127.0.0.1:{http_port};", 1),
        ("listen 443 ssl http2;", f"listen 127.0.0.1:{https_port} ssl http2;", 1),
        ("/etc/nginx/certs/", f"{certs}/", 2),
        # The static root's parent (STATIC_ROOT is <srv>/static).
        ("root /srv/dinutvei;", f"root {srv};", 1),
        ("proxy_cache_path /var/cache/nginx/dinutvei ", f"proxy_cache_path {workdir}/cache ", 1),
        # nginx's temporary files default to /var/lib/nginx (root's): into the work folder.
        ("\nhttp {", "\nhttp {" + temp_paths, 1),
    ]
    for old, new, count in replacements:
        found = source.count(old)
        if found != count:
            raise AssertionError(
                f"deploy/nginx.conf: expected {old!r} {count} time(s), found it {found} time(s)"
            )
        source = source.replace(old, new)
    return source


# --- The stack --------------------------------------------------------------------------------


@dataclass
class AppServer:
    name: str
    port: int
    log: Path
    process: subprocess.Popen | None = None


@dataclass
class Stack:
    """The running stack. `fetch` is the way tests talk to it; every answer is recorded."""

    workdir: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="dinutvei-smoke-")))
    responses: list = field(default_factory=list)
    database: str = DATABASE
    # The smoke tests put a fault proxy between the app servers and PostgreSQL; the load
    # benchmark (bench/load.py) connects them directly.
    fault_proxy: bool = True

    def __post_init__(self):
        self.srv = self.workdir / "srv"
        self.static_root = self.srv / "static"
        self.certs = self.workdir / "certs"
        self.http_port, self.https_port = free_port(), free_port()
        self.proxy = None
        self.redis = RedisServer(self.workdir)
        self.apps = {
            name: AppServer(name, free_port(), self.workdir / f"gunicorn-{name}.log")
            for name in ("a", "b")
        }
        self.nginx = None
        self.base_url = f"https://localhost:{self.https_port}"
        self.secret_key = secrets.token_urlsafe(45)  # 60 characters

    # --- Starting and stopping --------------------------------------------------------
    def start(self):
        create_database(self.database)
        if self.fault_proxy:
            self.proxy = FaultProxy(POSTGRES)
        self.redis.start()
        self.build()
        for app in self.apps.values():
            self.start_app(app.name)
        self.start_nginx()

    def stop(self):
        """Everything that was started, in reverse order, the database last; each step even
        when one before it failed (the first error is raised at the end)."""
        steps = [
            lambda: stop_process(self.nginx),
            *(lambda app=app: stop_process(app.process) for app in self.apps.values()),
            self.redis.stop,
            lambda: self.proxy and self.proxy.close(),
            lambda: drop_database(self.database),
        ]
        errors = []
        for step in steps:
            try:
                step()
            except Exception as error:  # noqa: BLE001 - reported after the other steps
                errors.append(error)
        # DINUTVEI_SMOKE_KEEP=1 keeps the logs and the configuration for a look afterwards.
        if not os.environ.get("DINUTVEI_SMOKE_KEEP"):
            shutil.rmtree(self.workdir, ignore_errors=True)
        if errors:
            raise errors[0]

    def env(self, *, direct=False):
        """The app servers' environment; `direct` skips the fault proxy (build steps)."""
        database_port = POSTGRES[1] if direct or self.proxy is None else self.proxy.port
        return {
            # Only what a production host would set: nothing from the test run's own
            # environment (pytest-django's settings, its DATABASE_URL) leaks in.
            "PATH": f"{VENV_BIN}:/usr/local/bin:/usr/bin:/bin",
            "HOME": os.environ.get("HOME", "/tmp"),
            "LANG": "C.UTF-8",
            "PYTHONDONTWRITEBYTECODE": "1",
            "DJANGO_SETTINGS_MODULE": "dinutvei.settings.production",
            "DJANGO_SECRET_KEY": self.secret_key,
            "DJANGO_ALLOWED_HOSTS": "localhost,127.0.0.1",
            "DATABASE_URL": f"postgres://postgres@127.0.0.1:{database_port}/{self.database}",
            "DATABASE_CONN_MAX_AGE": "60",
            "REDIS_URL": f"redis://127.0.0.1:{self.redis.port}/0",
            "TRUSTED_PROXIES": "127.0.0.1",
            "DJANGO_STATIC_ROOT": str(self.static_root),
            "SITE_URL": self.base_url,
            "QUESTIONS_MIN_FILL_SECONDS": "0",
            "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        }

    def manage(self, *args, timeout=120):
        """`manage.py` under the stack's environment; its output, or an error that shows it."""
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=REPO,
            env=self.env(direct=True),
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if result.returncode != 0:
            raise RuntimeError(
                f"manage.py {' '.join(args)} exited {result.returncode}:\n"
                f"{result.stdout[-3000:]}\n{result.stderr[-5000:]}"
            )
        return result.stdout

    def build(self):
        """What a release does before the app servers start."""
        self.manage("migrate", "--noinput", timeout=180)
        self.manage("load_demo_data", timeout=180)
        self.manage("collectstatic", "--noinput", timeout=180)
        self.manage("build_error_pages")

    def start_app(self, name):
        app = self.apps[name]
        env = {**self.env(), "GUNICORN_BIND": f"127.0.0.1:{app.port}", "WEB_CONCURRENCY": "2"}
        log = open(app.log, "ab")  # noqa: SIM115 - kept by the process
        app.process = subprocess.Popen(
            [str(VENV_BIN / "gunicorn"), "-c", str(GUNICORN_CONF), "dinutvei.wsgi:application"],
            cwd=REPO,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            preexec_fn=end_with_the_tests,
        )
        log.close()

        def healthy():
            if app.process.poll() is not None:
                raise RuntimeError(f"gunicorn {name} exited:\n{app.log.read_text()[-5000:]}")
            return self.fetch("/helse/", via=name, timeout=5).status == 200

        try:
            wait_until(
                healthy, timeout=60, what=f"gunicorn {name} (/helse/ answering 200)", interval=0.3
            )
        except TimeoutError as error:
            raise RuntimeError(f"{error}\n{app.log.read_text()[-5000:]}") from None

    def stop_app(self, name):
        stop_process(self.apps[name].process)

    def start_nginx(self):
        self.certs.mkdir()
        subprocess.run(
            [
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:P-256",
                "-nodes",
                "-days",
                "2",
                "-subj",
                "/CN=localhost",
                "-addext",
                "subjectAltName=DNS:localhost,IP:127.0.0.1",
                "-keyout",
                str(self.certs / "privkey.pem"),
                "-out",
                str(self.certs / "fullchain.pem"),
            ],
            check=True,
            capture_output=True,
            timeout=30,
        )
        # Debian's modules-enabled files load "modules/…", relative to nginx's prefix.
        (self.workdir / "modules").symlink_to(NGINX_MODULES)
        config = self.workdir / "nginx.conf"
        config.write_text(
            nginx_config(
                NGINX_CONF.read_text(),
                workdir=self.workdir,
                app_ports=[self.apps["a"].port, self.apps["b"].port],
                http_port=self.http_port,
                https_port=self.https_port,
                srv=self.srv,
                certs=self.certs,
            )
        )
        command = ["nginx", "-p", str(self.workdir), "-c", str(config)]
        test = subprocess.run([*command, "-t"], capture_output=True, text=True, timeout=30)
        if test.returncode != 0:
            raise RuntimeError(f"nginx -t refuses the configuration:\n{test.stderr}")
        log = open(self.workdir / "nginx.out", "ab")  # noqa: SIM115 - kept by the process
        self.nginx = subprocess.Popen(
            [*command, "-g", "daemon off;"],
            stdout=log,
            stderr=subprocess.STDOUT,
            preexec_fn=end_with_the_tests,
        )
        log.close()
        wait_until(lambda: self.fetch("/helse/", timeout=5).status == 200, timeout=20, what="nginx")

    # --- Faults -------------------------------------------------------------------------
    def heal(self):
        """Database and Redis back, whatever a test did."""
        self.proxy.set_mode("pass")
        if self.redis.process is None:
            self.redis.start()
        restarted = False
        for app in self.apps.values():
            if app.process is None or app.process.poll() is not None:
                self.start_app(app.name)
                restarted = True
        if restarted:
            # nginx leaves a server that failed alone for fail_timeout (deploy/nginx.conf).
            wait_until(
                lambda: all(self.fetch("/helse/", timeout=5).status == 200 for _ in range(4)),
                timeout=15,
                what="nginx reaching the app servers again",
                interval=0.5,
            )

    # --- Talking to it --------------------------------------------------------------------
    def url(self, path, via="nginx"):
        if via == "nginx":
            return self.base_url + path
        if via == "http":
            return f"http://127.0.0.1:{self.http_port}{path}"
        return f"http://127.0.0.1:{self.apps[via].port}{path}"

    def fetch(self, path, *, via="nginx", headers=None, **kwargs):
        """A request through nginx (via="nginx"), its plain-HTTP port ("http"), or straight to
        app server "a" or "b" with the headers nginx would add (X-Forwarded-Proto)."""
        headers = dict(headers or {})
        if via in self.apps:
            headers.setdefault("X-Forwarded-Proto", "https")
        response = http_request(self.url(path, via), headers=headers, **kwargs)
        self.responses.append((via, kwargs.get("method", "GET"), path, response.status))
        return response

    def app_log(self, name):
        return self.apps[name].log.read_text(errors="replace")

    def nginx_access_log(self):
        path = self.workdir / "access.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def shell(self, code, timeout=60):
        return self.manage("shell", "-c", code, timeout=timeout)

    def moderator_cookie(self):
        """A logged-in moderator's session cookie ("name=value"), made by Django itself: logged
        in, and past the second factor as the login page would leave it (django-otp's
        session key naming the moderator's device)."""
        output = self.shell(
            "from django.conf import settings\n"
            "from django.contrib.auth.models import Group, User\n"
            "from django.test import Client\n"
            "from django_otp import DEVICE_ID_SESSION_KEY\n"
            "from django_otp.plugins.otp_totp.models import TOTPDevice\n"
            "user, _ = User.objects.get_or_create(username='smoke-moderator')\n"
            "user.is_staff = True\n"
            "user.save()\n"
            "user.groups.add(*Group.objects.filter(name__in=['Fagpanel', 'Fagpanel-moderator']))\n"
            "device, _ = TOTPDevice.objects.get_or_create(user=user, name='default')\n"
            "client = Client()\n"
            "client.force_login(user)\n"
            "session = client.session\n"
            "session[DEVICE_ID_SESSION_KEY] = device.persistent_id\n"
            "session.save()\n"
            "name = settings.SESSION_COOKIE_NAME\n"
            "print('COOKIE', name + '=' + client.cookies[name].value)\n"
        )
        return re.search(r"^COOKIE (\S+)$", output, re.MULTILINE).group(1)


# --- The database ------------------------------------------------------------------------------


def _postgres(statement):
    import psycopg2

    connection = psycopg2.connect(
        host=POSTGRES[0], port=POSTGRES[1], user="postgres", dbname="postgres", connect_timeout=5
    )
    try:
        connection.autocommit = True
        with connection.cursor() as cursor:
            cursor.execute(statement)
    finally:
        connection.close()


def create_database(name=DATABASE):
    drop_database(name)
    _postgres(f"CREATE DATABASE {name}")


def drop_database(name=DATABASE):
    _postgres(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
