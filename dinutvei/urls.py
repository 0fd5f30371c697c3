import django.contrib.auth.admin  # noqa: F401, E402
import django_otp.plugins.otp_static.admin  # noqa: F401, E402
import django_otp.plugins.otp_totp.admin  # noqa: F401, E402
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.generic import TemplateView

# The admin runs as SimpleAdminConfig (see settings): import each admin module here.
import articles.admin  # noqa: F401, E402
import core.admin  # noqa: F401, E402
import films.admin  # noqa: F401, E402
import materials.admin  # noqa: F401, E402
import questions.admin  # noqa: F401, E402
import selftests.admin  # noqa: F401, E402
import services.admin  # noqa: F401, E402
from core import staff
from core.page_cache import shared_page
from opendata import views as opendata_views
from services.shelter_views import ShelterPlacesView

from . import views

admin.site.site_header = admin.site.site_title = "Din utvei"

handler404 = "dinutvei.errors.page_not_found"
handler500 = "dinutvei.errors.server_error"

# Staff log in, set up their second factor and see their backup codes here (decision 10).
# The names are two_factor's, which its views use.
staff_account_patterns = (
    [
        path("logg-inn/", staff.LoginView.as_view(), name="login"),
        path("totrinn/", staff.ProfileView.as_view(), name="profile"),
        path("totrinn/oppsett/", staff.SetupView.as_view(), name="setup"),
        path("totrinn/oppsett/qr/", staff.QRGeneratorView.as_view(), name="qr"),
        path("totrinn/oppsett/ferdig/", staff.SetupCompleteView.as_view(), name="setup_complete"),
        path("totrinn/reservekoder/", staff.BackupTokensView.as_view(), name="backup_tokens"),
    ],
    "two_factor",
)

urlpatterns = [
    path("helse/", views.health, name="health"),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
        name="robots",
    ),
    path("admin/konto/", include(staff_account_patterns)),
    path("admin/konto/logg-ut-overalt/", staff.log_out_everywhere, name="log-out-everywhere"),
    # A shelter's staff set its places here (services/shelter_views.py), behind the admin's
    # login and second factor.
    path(
        "admin/plasser/",
        admin.site.admin_view(ShelterPlacesView.as_view()),
        name="shelter-places",
    ),
    path("admin/", admin.site.urls),
    # The open data (HSDS 3.1), in no language of the site's: its text is bokmål, its
    # field names English.
    path("api/v1/", include("opendata.urls")),
]

urlpatterns += i18n_patterns(
    path("", views.HomeView.as_view(), name="home"),
    path("sok/", views.SearchView.as_view(), name="search"),
    path(
        "om-tjenesten/",
        shared_page()(TemplateView.as_view(template_name="pages/about.html")),
        name="about",
    ),
    path(
        "skjul-sporene/",
        shared_page()(TemplateView.as_view(template_name="pages/hide_traces.html")),
        name="hide-traces",
    ),
    path("tjenester/", include("services.urls")),
    path("artikler/", include("articles.urls")),
    path("sporsmal/", include("questions.urls")),
    path("materiell/", include("materials.urls")),
    path("selvtester/", include("selftests.urls")),
    path("filmer/", include("films.urls")),
    path("apne-data/", opendata_views.open_data_page, name="open-data"),
    path("", include("core.urls")),
    prefix_default_language=False,
)

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()

# The films' uploaded files, in development and tests (nginx serves them in production).
if settings.SERVE_MEDIA:
    from django.urls import re_path

    urlpatterns += [
        re_path(rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>.*)$", views.media, name="media")
    ]
