from django.urls import path

from . import views

app_name = "services"
urlpatterns = [
    path("", views.ServiceSearchView.as_view(), name="search"),
    path("kart.geojson", views.services_geojson, name="geojson"),
    path("kategori/<slug:slug>/", views.CategoryView.as_view(), name="category"),
    path("krisesentre/plasser/", views.ShelterOverviewView.as_view(), name="shelters"),
    path("kommuner/", views.MunicipalityIndexView.as_view(), name="municipalities"),
    path("kommune/<str:number>/", views.MunicipalityView.as_view(), name="municipality"),
    path(
        "kommune/<str:number>/meld-feil/",
        views.MunicipalityReportView.as_view(),
        name="municipality-report",
    ),
    path(
        "kommune/<str:number>/foresla-tjeneste/",
        views.ListingProposalView.as_view(),
        name="municipality-proposal",
    ),
    path(
        "kommune/<str:number>/takk/",
        views.MunicipalityReportThanksView.as_view(),
        name="municipality-report-thanks",
    ),
    path("<slug:slug>/", views.ServiceDetailView.as_view(), name="detail"),
    path("<slug:slug>/meld-feil/", views.ListingErrorReportView.as_view(), name="report-error"),
    path(
        "<slug:slug>/meld-feil/takk/",
        views.ListingErrorReportThanksView.as_view(),
        name="report-error-thanks",
    ),
]
