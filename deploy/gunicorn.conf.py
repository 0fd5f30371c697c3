"""gunicorn for Din utvei: `gunicorn -c deploy/gunicorn.conf.py dinutvei.wsgi:application`.

Every value comes from the environment, so that compose, systemd and CI start the same
file. No access log: a request line carries search terms, places and question paths."""

import os

# Loopback unless told otherwise: the app servers are reached only through nginx.
bind = [os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")]
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
# nginx gives up after 10 s (deploy/nginx.conf); a worker that takes longer is stuck.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "20"))
graceful_timeout = 10
# The app is loaded once, before the workers fork: a worker that is replaced (after
# max_requests, against slow leaks) is serving again at once instead of importing Django
# for a second or two. Nothing opens a database or Redis connection at import.
preload_app = True
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "20000"))
max_requests_jitter = max_requests // 10
accesslog = None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "warning")
# X-Forwarded-Proto is believed only from the proxies named in TRUSTED_PROXIES.
forwarded_allow_ips = (
    ",".join(
        item.strip()
        for item in os.environ.get("TRUSTED_PROXIES", "127.0.0.1").split(",")
        if item.strip() and item.strip().lower() != "none"
    )
    or "127.0.0.1"
)
proc_name = "dinutvei"
# gunicorn's control socket lives under $HOME, which the app user does not have (a
# read-only container, systemd's ProtectHome); nothing here uses it.
control_socket_disable = True
