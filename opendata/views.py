"""The HSDS 3.1 read API (docs/decisions/0014-open-data.md): plain views that follow the
paths and query parameters of Open Referral's OpenAPI, answer JSON (or NDJSON, unpaged)
open to every origin, and are kept by the page cache like any shared page."""

import json
import math
import uuid

from django.db.models import Q, QuerySet
from django.http import HttpResponse, JsonResponse, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_GET

from core.page_cache import per_generation, shared_page
from services.gazetteer import get_gazetteer
from services.selectors import (
    nearest_service_ids,
    open_data_queryset,
    open_data_vocabularies,
    published_public_ids,
)

from . import datapackage, forms, hsds
from .openapi import openapi_document

CACHE_SECONDS = 300
PAGING = ("page", "per_page", "format", "search")
SERVICE_PARAMETERS = (
    *PAGING,
    "taxonomy_term_id",
    "taxonomy_id",
    "organization_id",
    "modified_after",
    "minimal",
    "full",
)


def api_response(data, *, status=200):
    response = JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
    return _open(response)


def _open(response):
    """Anyone may read the open data, from any site (CORS), and keep it a while."""
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = f"public, max-age={CACHE_SECONDS}"
    return response


def not_found(what):
    return api_response({"error": f"no {what} with this id"}, status=404)


def bad_query(form):
    with translation.override("en"):  # the API's language
        problems = forms.errors_of(form)
    return api_response({"error": "invalid query", "parameters": problems}, status=400)


def _checked(form_class, request):
    form = form_class(request.GET)
    form.is_valid()
    return form


def _page(form, items, to_record):
    """HSDS's page: counts, flags and the page's records; or every record as NDJSON."""
    if form.cleaned_data.get("format") == "ndjson":
        lines = (json.dumps(to_record(item), ensure_ascii=False) + "\n" for item in items)
        return _open(StreamingHttpResponse(lines, content_type="application/x-ndjson"))
    per_page = form.cleaned_data.get("per_page") or forms.DEFAULT_PER_PAGE
    number = form.cleaned_data.get("page") or 1
    total = items.count() if isinstance(items, QuerySet) else len(items)
    pages = max(1, math.ceil(total / per_page))
    contents = [to_record(item) for item in items[(number - 1) * per_page : number * per_page]]
    return api_response(
        {
            "total_items": total,
            "total_pages": pages,
            "page_number": number,
            "size": len(contents),
            "first_page": number == 1,
            "last_page": number >= pages,
            "empty": total == 0,
            "contents": contents,
        }
    )


def _made_ids():
    """{made id: public id} of the organizations and service-at-locations, which have no
    column of their own (opendata/hsds.py); worked out once per change of the registry."""

    def compute():
        found = {}
        for public_id in published_public_ids():
            found[hsds.organization_id(public_id)] = ("organization", public_id)
            found[hsds.service_at_location_id(public_id)] = ("service_at_location", public_id)
        return found

    return per_generation("opendata:made-ids", compute)


def _public_id_of(kind, value):
    match = _made_ids().get(str(value))
    return match[1] if match and match[0] == kind else None


def _terms():
    categories, groups = open_data_vocabularies()
    return hsds.term_records(categories, groups)


def _filter_services(services, cleaned):
    if cleaned.get("search"):
        text = cleaned["search"]
        services = services.filter(Q(name__icontains=text) | Q(description_nb__icontains=text))
    if cleaned.get("modified_after"):
        services = services.filter(updated_at__gte=cleaned["modified_after"])
    if cleaned.get("taxonomy_id"):
        wanted = str(cleaned["taxonomy_id"])
        if wanted == hsds.taxonomy_id("client-groups"):
            services = services.filter(client_groups__isnull=False).distinct()
        elif wanted != hsds.taxonomy_id("service-categories"):
            services = services.none()
    if cleaned.get("taxonomy_term_id"):
        term = next((t for t in _terms() if t["id"] == str(cleaned["taxonomy_term_id"])), None)
        if term is None:
            services = services.none()
        elif term["taxonomy"] == "service-categories":
            services = services.filter(category__slug=term["code"])
        else:
            services = services.filter(client_groups__slug=term["code"])
    if cleaned.get("organization_id"):
        public_id = _public_id_of("organization", cleaned["organization_id"])
        services = services.filter(public_id=public_id) if public_id else services.none()
    return services


@require_GET
def metadata(request):
    return api_response(
        {
            "version": hsds.HSDS_VERSION,
            "profile": hsds.site_url(reverse("open-data")),
            "openapi_url": request.build_absolute_uri(reverse("opendata:openapi")),
        }
    )


@require_GET
@shared_page()
def openapi(request):
    return api_response(openapi_document())


@require_GET
@shared_page(parameters=SERVICE_PARAMETERS)
def services(request):
    form = _checked(forms.ServiceQuery, request)
    if not form.is_valid():
        return bad_query(form)
    cleaned = form.cleaned_data
    if cleaned.get("minimal"):
        record = hsds.minimal_service_record
    else:
        full = bool(cleaned.get("full"))

        def record(service):
            return hsds.service_record(service, full=full)

    return _page(form, _filter_services(open_data_queryset(), cleaned), record)


@require_GET
@shared_page()
def service(request, public_id):
    try:
        public_id = uuid.UUID(public_id)
    except ValueError:
        return not_found("service")
    found = open_data_queryset().filter(public_id=public_id).first()
    return api_response(hsds.service_record(found)) if found else not_found("service")


@require_GET
@shared_page(parameters=(*SERVICE_PARAMETERS, "postcode", "proximity"))
def service_at_locations(request):
    form = _checked(forms.ServiceAtLocationQuery, request)
    if not form.is_valid():
        return bad_query(form)
    cleaned = form.cleaned_data
    located = open_data_queryset().filter(
        is_national=False, latitude__isnull=False, longitude__isnull=False
    )
    located = _filter_services(located, cleaned)
    if cleaned.get("postcode"):
        located = _covering(located, cleaned["postcode"], cleaned.get("proximity"))
        if located is None:
            form.add_error("postcode", "unknown postcode")
            return bad_query(form)
    full = bool(cleaned.get("full"))
    return _page(form, located, lambda item: hsds.service_at_location_record(item, full=full))


def _covering(services, postcode, proximity):
    """Services in the postcode's municipality or, with `proximity`, within that many
    metres of the postcode's centre. None for a postcode the gazetteer does not know."""
    place = get_gazetteer().postcode(postcode)
    if place is None:
        return None
    if proximity is None:
        number = place.municipality_number
        return services.filter(
            Q(serves_municipalities__number=number) | Q(municipality__number=number)
        ).distinct()
    nearby = nearest_service_ids(
        latitude=place.latitude,
        longitude=place.longitude,
        radius_km=proximity / 1000,
        limit=10_000,
    )
    return services.filter(pk__in=[pk for pk, _km in nearby])


@require_GET
@shared_page()
def service_at_location(request, made_id):
    public_id = _public_id_of("service_at_location", made_id)
    found = public_id and open_data_queryset().filter(public_id=public_id).first()
    if not found or not hsds.has_location(found):
        return not_found("service_at_location")
    return api_response(hsds.service_at_location_record(found, full=True))


@require_GET
@shared_page(parameters=(*PAGING, "full", "full_service"))
def organizations(request):
    form = _checked(forms.OrganizationQuery, request)
    if not form.is_valid():
        return bad_query(form)
    cleaned = form.cleaned_data
    runs = open_data_queryset()
    if cleaned.get("search"):
        runs = runs.filter(name__icontains=cleaned["search"])

    def record(service):
        if cleaned.get("full_service"):
            return hsds.organization_record(service, services=[hsds.service_record(service)])
        if cleaned.get("full"):
            return hsds.organization_record(service, services=[{"id": str(service.public_id)}])
        return hsds.organization_record(service)

    return _page(form, runs, record)


@require_GET
@shared_page(parameters=("full_service",))
def organization(request, made_id):
    form = _checked(forms.DetailQuery, request)
    if not form.is_valid():
        return bad_query(form)
    public_id = _public_id_of("organization", made_id)
    found = public_id and open_data_queryset().filter(public_id=public_id).first()
    if not found:
        return not_found("organization")
    if form.cleaned_data.get("full_service"):
        services = [hsds.service_record(found)]
    else:
        services = [{"id": str(found.public_id)}]
    return api_response(hsds.organization_record(found, services=services))


@require_GET
@shared_page(parameters=PAGING)
def taxonomies(request):
    form = _checked(forms.ListQuery, request)
    if not form.is_valid():
        return bad_query(form)
    found = hsds.taxonomy_records()
    if form.cleaned_data.get("search"):
        text = form.cleaned_data["search"].casefold()
        found = [item for item in found if text in item["name"].casefold()]
    return _page(form, found, lambda item: item)


@require_GET
@shared_page()
def taxonomy(request, made_id):
    found = next((t for t in hsds.taxonomy_records() if t["id"] == str(made_id)), None)
    return api_response(found) if found else not_found("taxonomy")


@require_GET
@shared_page(parameters=(*PAGING, "taxonomy_id", "top_only", "parent_id"))
def taxonomy_terms(request):
    form = _checked(forms.TaxonomyTermQuery, request)
    if not form.is_valid():
        return bad_query(form)
    cleaned = form.cleaned_data
    found = _terms()
    if cleaned.get("search"):
        text = cleaned["search"].casefold()
        found = [t for t in found if text in t["name"].casefold() or text in t["code"]]
    if cleaned.get("taxonomy_id"):
        found = [t for t in found if t["taxonomy_id"] == str(cleaned["taxonomy_id"])]
    if cleaned.get("parent_id"):
        found = []  # the vocabularies are flat: no term has a parent
    return _page(form, found, lambda item: item)


@require_GET
@shared_page()
def taxonomy_term(request, made_id):
    found = next((t for t in _terms() if t["id"] == str(made_id)), None)
    if not found:
        return not_found("taxonomy_term")
    taxonomy = next(t for t in hsds.taxonomy_records() if t["id"] == found["taxonomy_id"])
    return api_response(found | {"taxonomy_detail": taxonomy})


@require_GET
@shared_page()
def data_package(request):
    """Everything as CSV files with a datapackage.json, zipped. Made again on the first
    request after a listing changes: the page cache keeps it until then."""
    categories, groups = open_data_vocabularies()
    content = datapackage.package_zip(open_data_queryset(), categories, groups)
    response = _open(HttpResponse(content, content_type="application/zip"))
    response["Content-Disposition"] = 'attachment; filename="din-utvei-hsds.zip"'
    return response


@shared_page()
def open_data_page(request):
    return render(request, "opendata/open_data.html", {"version": hsds.HSDS_VERSION})
