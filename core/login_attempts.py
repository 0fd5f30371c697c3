"""Failed staff logins, counted by django-axes (decision 10), keeping as little as it can.

Per account and per address (the address as the rate limits see it, core.network), axes
refuses a login after settings.AXES_FAILURE_LIMIT failed passwords, for AXES_COOLOFF_TIME.
What it keeps of a failed attempt is the username typed, the address, the page and the time,
and only until the lockout time has passed (axes deletes older attempts at the next login):
no user agent or Accept header (a fingerprint of the person's device), no form data (axes
would keep the fields, a mistyped password masked only when it knows the field's name), and
no record of successful logins (a diary of when and where each staff member works).
"""

import logging

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_cool_off
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib import admin
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)


def _forget_the_device(request):
    """axes reads these from the request before it records an attempt."""
    request.axes_user_agent = ""
    request.axes_http_accept = ""


class LoginAttemptHandler(AxesDatabaseHandler):
    """axes' database handler, minus what decision 10 does not keep."""

    def user_login_failed(self, sender, credentials, request=None, **kwargs):
        if request is not None:
            _forget_the_device(request)
            was_locked_out = getattr(request, "axes_locked_out", False)
        super().user_login_failed(sender, credentials, request, **kwargs)
        AccessAttempt.objects.exclude(get_data="", post_data="").update(get_data="", post_data="")
        if request is not None and request.axes_locked_out and not was_locked_out:
            # One line for the operators, without the address or the name typed.
            logger.warning(
                "A staff login was locked out after %s failed attempts.",
                request.axes_failures_since_start,
            )

    def user_logged_in(self, sender, request, user, **kwargs):
        _forget_the_device(request)
        return super().user_logged_in(sender, request, user, **kwargs)

    def user_logged_out(self, sender, request, user, **kwargs):
        _forget_the_device(request)
        return super().user_logged_out(sender, request, user, **kwargs)


def lockout_response(request, original_response=None, credentials=None):
    """The page a locked-out login gets (429), in the admin's look."""
    context = {
        **admin.site.each_context(request),
        "title": _("Too many failed logins"),
        "minutes": int(get_cool_off(request).total_seconds() // 60),
        "failure_limit": settings.AXES_FAILURE_LIMIT,
    }
    return render(
        request, "two_factor/core/locked_out.html", context, status=settings.AXES_HTTP_RESPONSE_CODE
    )
