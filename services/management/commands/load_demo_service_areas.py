"""Demo service areas: every municipality is served by the nearest demo service of each kind
on its page (a crisis shelter, a sexual assault centre, …) in its own county, or the
nearest anywhere where its county has none. Plausible, as the demo data is, and no more: in
reality the editors keep who serves whom. Safe to run again: a municipality that already has
a service of a kind keeps it."""

from django.core.management.base import BaseCommand

from core import page_cache
from services.gazetteer import get_gazetteer
from services.models import Municipality, Service
from services.selectors import MUNICIPALITY_KINDS, great_circle_km

Serves = Service.serves_municipalities.through


class Command(BaseCommand):
    help = "Tie the demo services to the municipalities they would serve (safe to run again)."

    def handle(self, *args, **options):
        gazetteer = get_gazetteer()
        municipalities = list(Municipality.objects.select_related("county"))
        ties = []
        for kind in MUNICIPALITY_KINDS:
            candidates = list(
                Service.objects.published()
                .local()
                .filter(category__slug=kind, is_demo=True)
                .select_related("county")
            )
            if not candidates:
                continue
            already = set(
                Municipality.objects.filter(served_by__category__slug=kind).values_list(
                    "pk", flat=True
                )
            )
            for municipality in municipalities:
                centre = gazetteer.municipality(municipality.number)
                if municipality.pk in already or centre is None:
                    continue
                point = (centre.latitude, centre.longitude)
                in_county = [s for s in candidates if s.county_id == municipality.county_id]
                nearest = min(
                    in_county or candidates,
                    key=lambda s: great_circle_km(point, (s.latitude, s.longitude)),
                )
                ties.append(Serves(service_id=nearest.pk, municipality_id=municipality.pk))
        Serves.objects.bulk_create(ties)
        page_cache.content_changed()  # (bulk_create sends no signal)
        self.stdout.write(f"Service areas: {len(ties)} municipality–service ties for the demo.")
