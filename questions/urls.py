from django.urls import path

from . import views

app_name = "questions"
urlpatterns = [
    path("", views.published_list, name="list"),
    path("still-et-sporsmal/", views.ask, name="ask"),
    path("lignende/", views.similar, name="similar"),
    path("les-svar/", views.read_answer, name="read"),
    path("<slug:slug>/", views.PublishedDetailView.as_view(), name="detail"),
]
