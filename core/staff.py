"""Staff accounts (decision 10): the admin site that lets in only sessions that passed the
second factor, the staff's own pages for it in the admin's look, and the limits on a staff
session. Visitors never log in; only the admin and these pages use sessions."""

import time

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.utils.decorators import method_decorator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django_otp.decorators import otp_required
from two_factor.admin import AdminSiteOTPRequiredMixin
from two_factor.forms import AuthenticationTokenForm, BackupTokenForm
from two_factor.utils import default_device
from two_factor.views import core as two_factor_views
from two_factor.views import profile as two_factor_profile

from .services import staff_sessions_end

SESSION_STARTED_KEY = "_staff_session_started"


class StaffAdminSite(AdminSiteOTPRequiredMixin, admin.AdminSite):
    """The admin, for staff who passed the second factor in this session. Its login page is
    the two-factor login (settings.LOGIN_URL); a staff member who is logged in but has no
    device yet is sent to set one up."""

    def login(self, request, extra_context=None):
        user = request.user
        if user.is_active and user.is_staff and not default_device(user):
            return redirect("two_factor:setup")
        return super().login(request, extra_context)


class StaffSessionMiddleware:
    """Ends a logged-in session STAFF_SESSION_MAX_HOURS after its first request, however busy
    it has been (the idle limit is SESSION_COOKIE_AGE, renewed by every request). Requests
    without a session cookie, which is every visitor's, are not looked at."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.SESSION_COOKIE_NAME in request.COOKIES and request.user.is_authenticated:
            now = int(time.time())
            started = request.session.setdefault(SESSION_STARTED_KEY, now)
            if now - started > settings.STAFF_SESSION_MAX_HOURS * 3600:
                logout(request)
        return self.get_response(request)


# --- The two-factor pages, in the admin's look --------------------------------------------


class AdminLook:
    """The admin's header, navigation and page title on a two_factor view."""

    title = ""

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context.update(admin.site.each_context(self.request))
        context.setdefault("title", self.title)
        return context


class LoginView(AdminLook, two_factor_views.LoginView):
    """Password (staff accounts only), then a code from the authenticator app or a backup code.
    Failed passwords are counted by django-axes (core/login_attempts.py); wrong codes by
    django-otp's throttling, which doubles the wait after each one."""

    title = _("Log in")
    form_list = (
        (two_factor_views.LoginView.AUTH_STEP, AdminAuthenticationForm),
        (two_factor_views.LoginView.TOKEN_STEP, AuthenticationTokenForm),
        (two_factor_views.LoginView.BACKUP_STEP, BackupTokenForm),
    )

    def done(self, form_list, **kwargs):
        response = super().done(form_list, **kwargs)
        # Someone without a device goes through the set-up and then the backup codes, rather
        # than straight on to the page they first asked for (two_factor keeps it as "next").
        self.request.session.pop("next", None)
        return response


class SetupView(AdminLook, two_factor_views.SetupView):
    """The first login's set-up. Only for someone without a device: two_factor refuses only
    a GET, and a session (stolen, say) must not add a second device by posting the steps.
    A new phone goes through an administrator's reset."""

    title = _("Set up your second factor")

    def post(self, request, *args, **kwargs):
        if default_device(request.user):
            return redirect("two_factor:profile")
        return super().post(request, *args, **kwargs)


class SetupCompleteView(AdminLook, two_factor_views.SetupCompleteView):
    title = _("Your second factor is set up")


class BackupTokensView(AdminLook, two_factor_views.BackupTokensView):
    title = _("Backup codes")


@method_decorator([never_cache, otp_required], name="dispatch")
class ProfileView(AdminLook, two_factor_profile.ProfileView):
    """The staff member's own page: their device and backup codes, and "log out everywhere"."""

    title = _("Second factor and sessions")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            idle_minutes=settings.STAFF_SESSION_IDLE_MINUTES,
            max_hours=settings.STAFF_SESSION_MAX_HOURS,
            **kwargs,
        )


QRGeneratorView = two_factor_views.QRGeneratorView


@require_POST
@otp_required
def log_out_everywhere(request):
    """End every session of the person asking, this one included, on every device."""
    staff_sessions_end(user=request.user)
    logout(request)
    messages.success(request, gettext("You are logged out on every device."))
    return redirect(settings.LOGIN_URL)
