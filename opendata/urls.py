"""The HSDS 3.1 API under a versioned prefix (dinutvei/urls.py: /api/v1/), with HSDS's paths;
ids are matched as text so that a malformed one gets the API's JSON 404."""

from django.urls import path

from . import views

app_name = "opendata"

urlpatterns = [
    path("", views.metadata, name="metadata"),
    path("openapi.json", views.openapi, name="openapi"),
    path("datapackage.zip", views.data_package, name="data-package"),
    path("services", views.services, name="services"),
    path("services/<str:public_id>", views.service, name="service"),
    path("service_at_locations", views.service_at_locations, name="service-at-locations"),
    path(
        "service_at_locations/<str:made_id>", views.service_at_location, name="service-at-location"
    ),
    path("organizations", views.organizations, name="organizations"),
    path("organizations/<str:made_id>", views.organization, name="organization"),
    path("taxonomies", views.taxonomies, name="taxonomies"),
    path("taxonomies/<str:made_id>", views.taxonomy, name="taxonomy"),
    path("taxonomy_terms", views.taxonomy_terms, name="taxonomy-terms"),
    path("taxonomy_terms/<str:made_id>", views.taxonomy_term, name="taxonomy-term"),
]
