from django.urls import path

from . import views

app_name = "selftests"
urlpatterns = [
    path("", views.selftest_list, name="list"),
    path("<slug:slug>/", views.selftest_page, name="detail"),
]
