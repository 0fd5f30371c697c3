"""The shelter staff's page: their shelters, each with four large buttons. Served inside the
admin site (dinutvei/urls.py), so it asks for the login and the second factor like the
rest of the staff's pages."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from .models import ShelterPlaces
from .shelters import shelter_status_set, shelters_kept_by, with_shelter_status


class ShelterPlacesForm(forms.Form):
    shelter = forms.ModelChoiceField(queryset=None)
    places = forms.ChoiceField(choices=ShelterPlaces.choices)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["shelter"].queryset = shelters_kept_by(user)


class ShelterPlacesView(TemplateView):
    template_name = "services/shelter_places.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("services.set_shelter_status"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        shelters = with_shelter_status(shelters_kept_by(self.request.user))
        return super().get_context_data(
            shelters=shelters, choices=ShelterPlaces.choices, title=_("Places tonight"), **kwargs
        )

    def post(self, request, *args, **kwargs):
        form = ShelterPlacesForm(request.POST, user=request.user)
        if not form.is_valid():
            # A shelter that is not theirs is not among the choices: refused, not saved.
            raise PermissionDenied
        shelter, places = form.cleaned_data["shelter"], form.cleaned_data["places"]
        shelter_status_set(user=request.user, service=shelter, places=places)
        messages.success(
            request,
            _("Saved: %(shelter)s – %(places)s.")
            % {"shelter": shelter.name, "places": ShelterPlaces(places).label},
        )
        return redirect(request.path)
