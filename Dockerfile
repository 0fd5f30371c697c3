# Din utvei: the two images of the production stack (compose.yaml builds both).
#   app    gunicorn with deploy/gunicorn.conf.py, as a non-root user, no access log
#   proxy  Debian's nginx (with brotli) and deploy/nginx.conf, serving the same static files
# Both are Debian bookworm, like the machines whose CI smoke-tests these two config files.

ARG PYTHON_IMAGE=python:3.11-slim-bookworm

# --- build: dependencies, translations, static files, error pages ----------------------
# A stage of its own so that gettext and the build leftovers stay out of the app image.
FROM ${PYTHON_IMAGE} AS build
ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PATH=/opt/venv/bin:$PATH \
    DJANGO_SETTINGS_MODULE=dinutvei.settings.production \
    DJANGO_STATIC_ROOT=/app/staticfiles
# msgfmt, for compilemessages. Debian packages are not pinned: each build takes bookworm's
# security updates.
RUN apt-get update \
    && apt-get install -y --no-install-recommends gettext \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
# Dependencies before the code, so that this layer is rebuilt only when the lock changes.
# `.` brings the project's own dependencies (not its test tools) at the locked versions.
COPY pyproject.toml requirements.lock ./
RUN python -m venv /opt/venv \
    && pip install -c requirements.lock . \
    && rm -rf build ./*.egg-info
COPY . .
# A throwaway key is all the production settings need to load: these commands touch no
# database or Redis, and only `check --deploy` and the web process run the deploy checks.
# build_error_pages comes after collectstatic: the pages name the hashed static files.
RUN export DJANGO_SECRET_KEY=build-only-not-a-secret \
    && python manage.py compilemessages --verbosity=0 \
    && python manage.py collectstatic --noinput --verbosity=0 \
    && python manage.py build_error_pages \
    && python -m compileall -q -f --invalidation-mode checked-hash .

# --- app: what runs -------------------------------------------------------------------
FROM ${PYTHON_IMAGE} AS app
ENV PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    PATH=/opt/venv/bin:$PATH \
    DJANGO_SETTINGS_MODULE=dinutvei.settings.production \
    DJANGO_STATIC_ROOT=/app/staticfiles \
    GUNICORN_BIND=0.0.0.0:8000
RUN useradd --system --user-group --uid 10001 --no-create-home --home-dir /nonexistent \
        --shell /usr/sbin/nologin dinutvei
# The virtualenv first: unchanged by a code edit, so this layer stays cached.
COPY --from=build /opt/venv /opt/venv
# Owned by root, read-only for the app user: the running portal cannot change its own code.
COPY --from=build /app /app
# The films' uploads (the volume "media" in compose): the app user's, so that a new volume
# mounted here starts with that owner.
RUN mkdir /app/media && chown 10001:10001 /app/media
WORKDIR /app
# Numeric, so that an orchestrator can tell it is not root without looking up a name.
USER 10001:10001
EXPOSE 8000
# /helse/ answers 200 only when the database and Redis answer. The Host header must be one
# of DJANGO_ALLOWED_HOSTS, and X-Forwarded-Proto spares the redirect to https.
HEALTHCHECK --interval=15s --timeout=10s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request as r; host = os.environ.get('DJANGO_ALLOWED_HOSTS', '').split(',')[0].strip().lstrip('.*') or 'localhost'; r.urlopen(r.Request('http://127.0.0.1:8000/helse/', headers={'Host': host, 'X-Forwarded-Proto': 'https'}), timeout=8)"]
CMD ["gunicorn", "-c", "deploy/gunicorn.conf.py", "dinutvei.wsgi:application"]

# --- static: brotli copies for nginx's brotli_static ---------------------------------------
# whitenoise writes the .gz copies (gzip_static) but makes .br ones only when the Python
# brotli package is installed, which the portal does not need; Debian's brotli tool makes
# them here, at the highest level, once per build instead of per request.
FROM debian:bookworm-slim AS static
RUN apt-get update \
    && apt-get install -y --no-install-recommends brotli \
    && rm -rf /var/lib/apt/lists/*
COPY --from=app /app/staticfiles /static
RUN find /static -type f \( -name '*.css' -o -name '*.js' -o -name '*.mjs' -o -name '*.svg' \
        -o -name '*.html' -o -name '*.json' -o -name '*.geojson' -o -name '*.txt' \
        -o -name '*.xml' -o -name '*.map' -o -name '*.ico' -o -name '*.md' \) \
        -exec sh -c 'for f; do [ -e "$f.br" ] || brotli --best --keep "$f"; done' sh {} +

# --- proxy: TLS, compression, static files and the 503 page when no app server answers ----
FROM debian:bookworm-slim AS proxy
# Debian's nginx and its brotli modules (loaded from /etc/nginx/modules-enabled/).
RUN apt-get update \
    && apt-get install -y --no-install-recommends nginx \
        libnginx-mod-http-brotli-filter libnginx-mod-http-brotli-static \
    && rm -rf /var/lib/apt/lists/* /etc/nginx/sites-enabled/default
COPY deploy/nginx.conf /etc/nginx/nginx.conf
# The static files of the very same build as the app servers: the hashed names match.
COPY --from=static /static /srv/dinutvei/static
EXPOSE 80 443
# SIGQUIT: nginx finishes the requests in flight before it stops.
STOPSIGNAL SIGQUIT
CMD ["nginx", "-g", "daemon off;"]
