import json

from django.conf import settings
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.timesince import timesince
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import DetailView, FormView, TemplateView

from core import page_cache
from core.maps import map_attributes
from core.ratelimit import RateLimit

from .forms import ListingErrorReportForm, ListingProposalForm, ServiceSearchForm
from .models import (
    ListingErrorReport,
    Municipality,
    Service,
    ServiceCategory,
    service_detail_url,
)
from .selectors import (
    card_queryset,
    listing_queryset,
    municipalities_by_county,
    municipality_help,
    national_services,
    shelters_overview,
)
from .services import listing_error_report_submit

PAGE_SIZE = 20
# The query parameters of a search that may be kept for everyone: never a position.
SEARCH_PARAMETERS = (
    "q",
    "category",
    "target",
    "radius",
    "page",
    "language",
    "wheelchair",
    "free",
    "no_referral",
)


@page_cache.shared_page(parameters=SEARCH_PARAMETERS)
@method_decorator(csrf_exempt, name="dispatch")
class ServiceSearchView(TemplateView):
    """Find help near a postcode, a place or the browser's location. Without a place it
    lists every service, page by page.

    A position comes by POST ("use my location"), so that it never stands in an address
    and stays out of the browser's history (docs/decisions/0012). A search changes
    nothing, so the POST needs no CSRF token, and so no cookie."""

    template_name = "services/search.html"
    http_method_names = ["get", "post", "head", "options"]

    def post(self, request, *args, **kwargs):
        return self.get(request, *args, **kwargs)

    def search_data(self):
        return self.request.POST if self.request.method == "POST" else self.request.GET

    def get_form(self):
        return ServiceSearchForm(self.search_data() or None)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = self.get_form()
        context.update(
            form=form,
            map_attrs=map_attributes(),
            geojson_url=f"{reverse('services:geojson')}?{form.data.urlencode()}"
            if form.is_bound and self.request.method == "GET"
            else reverse("services:geojson"),
        )
        if form.is_bound and not form.is_valid():
            page_cache.do_not_keep()  # what was typed stays out of the cache
            return context
        outcome = form.search()
        if outcome.lookup is not None:
            page_cache.do_not_keep()  # not a place: it may be anything a person typed
        context.update(outcome=outcome, national_services=_national_services(form.filters))
        if outcome.has_origin:
            # The map's markers come with the page, from the same search: no second one.
            context["map_geojson"] = json.dumps(
                feature_collection(nearby_features(outcome.nearby + outcome.further_away)),
                separators=(",", ":"),
            )
        if not outcome.has_origin and outcome.lookup is None:
            listing = form.filters.apply(
                card_queryset().local().order_by("county__name", "place", "name")
            )
            context["page_obj"] = Paginator(listing, PAGE_SIZE).get_page(
                self.search_data().get("page")
            )
        return context


def _national_services(filters):
    """The national lines under every search: the same for every place, so made once per
    generation of the content (unless "open now" makes them this moment's)."""
    if filters.open_now:
        return national_services(filters)
    return page_cache.per_generation(
        ("national-services", filters), lambda: list(national_services(filters))
    )


class CategoryView(ServiceSearchView):
    """One kind of help: what it is, and where to find it."""

    template_name = "services/category.html"

    def dispatch(self, request, *args, **kwargs):
        self.category = get_object_or_404(ServiceCategory, slug=kwargs["slug"])
        return super().dispatch(request, *args, **kwargs)

    def get_form(self):
        data = self.search_data().copy()
        data["category"] = self.category.slug
        return ServiceSearchForm(data)

    def get_context_data(self, **kwargs):
        return super().get_context_data(category=self.category, **kwargs)


@page_cache.shared_page()
class MunicipalityView(DetailView):
    """Who serves a municipality, kind by kind, and the nearest of each kind."""

    template_name = "services/municipality.html"
    context_object_name = "municipality"
    slug_field = slug_url_kwarg = "number"

    def get_queryset(self):
        return Municipality.objects.select_related("county")

    def get_context_data(self, **kwargs):
        return super().get_context_data(kinds=municipality_help(self.object), **kwargs)


@page_cache.shared_page()
class MunicipalityIndexView(TemplateView):
    template_name = "services/municipalities.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(municipalities=municipalities_by_county(), **kwargs)


@page_cache.shared_page()
class ShelterOverviewView(TemplateView):
    """Every shelter with what its staff last said of its places (the national overview)."""

    template_name = "services/shelter_overview.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(shelters=shelters_overview(), **kwargs)


@page_cache.shared_page()
class ServiceDetailView(DetailView):
    template_name = "services/detail.html"
    context_object_name = "service"

    def get_queryset(self):
        return listing_queryset().prefetch_related("client_groups")

    def get_context_data(self, **kwargs):
        return super().get_context_data(map_attrs=map_attributes(), **kwargs)


class ReportView(FormView):
    """A form into the editors' queue. On a page of its own, so that the CSRF cookie is set
    only for those who choose to write; limited per connection like the asker forms."""

    http_method_names = ["get", "post", "head", "options"]  # FormView would take PUT too

    def form_valid(self, form):
        limit = RateLimit(
            "listing-report",
            settings.LISTING_REPORT_LIMIT_PER_HOUR,
            settings.LISTING_REPORT_CEILING_PER_HOUR,
        )
        if not limit.hit(self.request):
            form.add_error(
                None,
                _(
                    "Many reports have come from your connection in a short "
                    "time. Thank you: please send this one again later."
                ),
            )
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return self.submit(form)


class ListingErrorReportView(ReportView):
    """Report a mistake in a listing."""

    template_name = "services/report_error.html"
    form_class = ListingErrorReportForm

    def dispatch(self, request, *args, **kwargs):
        self.service = get_object_or_404(Service.objects.published(), slug=kwargs["slug"])
        return super().dispatch(request, *args, **kwargs)

    def submit(self, form):
        listing_error_report_submit(service=self.service, **form.cleaned_data)
        return redirect("services:report-error-thanks", slug=self.service.slug)

    def get_context_data(self, **kwargs):
        return super().get_context_data(service=self.service, **kwargs)


class AboutMunicipalityView(ReportView):
    """A form on a municipality's behalf, into the editors' queue."""

    def dispatch(self, request, *args, **kwargs):
        self.municipality = get_object_or_404(Municipality, number=kwargs["number"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(municipality=self.municipality, **kwargs)

    def thanks(self):
        return redirect("services:municipality-report-thanks", number=self.municipality.number)


class MunicipalityReportView(AboutMunicipalityView):
    """ "Is something wrong here?" on a municipality's page."""

    template_name = "services/report_municipality.html"
    form_class = ListingErrorReportForm

    def submit(self, form):
        listing_error_report_submit(
            municipality=self.municipality,
            kind=ListingErrorReport.Kind.MUNICIPALITY,
            **form.cleaned_data,
        )
        return self.thanks()


class ListingProposalView(AboutMunicipalityView):
    """A service proposed for a municipality's page."""

    template_name = "services/propose_listing.html"
    form_class = ListingProposalForm

    def submit(self, form):
        listing_error_report_submit(
            municipality=self.municipality,
            kind=ListingErrorReport.Kind.PROPOSAL,
            message=form.as_message(),
            contact=form.cleaned_data["contact"],
        )
        return self.thanks()


class MunicipalityReportThanksView(DetailView):
    template_name = "services/report_municipality_thanks.html"
    context_object_name = "municipality"
    slug_field = slug_url_kwarg = "number"
    queryset = Municipality.objects.all()


class ListingErrorReportThanksView(DetailView):
    template_name = "services/report_error_thanks.html"
    context_object_name = "service"
    queryset = Service.objects.published()


# What a marker shows of a service, and (as a column) its category.
MARKER_VALUES = ("name", "slug", "latitude", "longitude", "location_precision")
MARKER_FIELDS = (*MARKER_VALUES, "category_id")


@page_cache.shared_page(parameters=SEARCH_PARAMETERS)
def services_geojson(request):
    """The map's markers: the services the list shows for the same query string."""
    form = ServiceSearchForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        errors = {field: [str(error) for error in errors] for field, errors in form.errors.items()}
        return JsonResponse({"errors": errors}, status=400)
    outcome = form.search()
    if outcome.has_origin:
        features = nearby_features(outcome.nearby + outcome.further_away)
    elif outcome.lookup is not None:
        features = []
    else:
        services = form.filters.apply(Service.objects.published().local())
        categories = {category.pk: category for category in ServiceCategory.objects.all()}
        features = [
            _feature(values, categories[values["category_id"]])
            for values in services.values(*MARKER_FIELDS)
        ]
    return JsonResponse(feature_collection(features))


def feature_collection(features):
    return {"type": "FeatureCollection", "features": features}


def nearby_features(nearby):
    """Markers for the services a search found, with their distances."""
    return [
        _feature(
            {field: getattr(item.service, field) for field in MARKER_VALUES},
            item.service.category,
            item.distance_km,
            _places(item.service),
        )
        for item in nearby
    ]


def _places(service):
    """A shelter's places for its marker's popup: the status, or "unknown – call"."""
    if not service.is_shelter:
        return None
    status = service.shelter_places_now
    if status is None:
        return _("Places tonight: unknown – call")
    updated = _("updated %(since)s ago") % {"since": timesince(status.set_at)}
    return f"{_('Places tonight:')} {status.label} ({updated})"


def _feature(values, category, distance_km=None, places=None):
    properties = {
        "name": values["name"],
        "url": service_detail_url(values["slug"]),
        "category": category.name,
        "category_slug": category.slug,
        "approximate": values["location_precision"] != "exact",
    }
    if distance_km is not None:
        properties["distance_km"] = round(distance_km, 1)
    if places is not None:
        properties["places"] = str(places)
    return {
        "type": "Feature",
        "geometry": {
            "type": "Point",
            "coordinates": [round(values["longitude"], 5), round(values["latitude"], 5)],
        },
        "properties": properties,
    }
