from django.urls import path

from . import views

app_name = "materials"
urlpatterns = [
    path("", views.CatalogueView.as_view(), name="catalogue"),
    path("bestill/", views.order, name="order"),
    path("bestill/takk/", views.ThanksView.as_view(), name="thanks"),
]
