# Din utvei: gunicorn behind any TLS-terminating proxy; whitenoise serves static files.
FROM python:3.11-slim AS base

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    DJANGO_SETTINGS_MODULE=dinutvei.settings.production

RUN apt-get update \
    && apt-get install -y --no-install-recommends gettext \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --create-home --uid 10001 dinutvei

WORKDIR /app
COPY pyproject.toml requirements.lock ./
# The project's own dependencies (not its test tools), at the locked versions.
RUN pip install -c requirements.lock .

COPY . .
# Build-time only: collectstatic and compilemessages need a key, not a real one.
RUN DJANGO_SECRET_KEY=build-only python manage.py compilemessages --ignore=.venv \
    && DJANGO_SECRET_KEY=build-only python manage.py collectstatic --noinput

USER dinutvei
EXPOSE 8000
# No access log: request lines carry search terms and locations.
CMD ["gunicorn", "dinutvei.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", \
     "--forwarded-allow-ips", "*", "--max-requests", "1000", "--max-requests-jitter", "100"]
