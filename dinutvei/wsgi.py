"""The web process (gunicorn). It marks itself as such before the settings load, so that
database statements are cut short here and only here, guards every database wait with a
deadline, and refuses to start when the deploy checks find an error."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dinutvei.settings.production")
os.environ.setdefault("DINUTVEI_WEB_PROCESS", "1")

application = get_wsgi_application()

from dinutvei.startup import prepare_web_process  # noqa: E402 (needs the settings loaded)

prepare_web_process()
