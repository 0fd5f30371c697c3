from django.urls import path

from . import views

app_name = "core"
urlpatterns = [
    path("tilbakemelding/", views.PageFeedbackView.as_view(), name="feedback"),
]
