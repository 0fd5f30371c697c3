"""Benchmark: nearest-service search and the map's GeoJSON at 1 000, 10 000 and 100 000
services on PostgreSQL. Prints figures; asserts nothing.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/dinutvei_bench \\
        .venv/bin/python bench/services_search.py [--sizes 1000,10000,100000]

It creates a throwaway database (test_<name>), fills it with services placed like
Norway's postcodes (so cities are dense and the north is sparse), and drops it after.
Target: nearest 20 within 50 km under 10 ms median at 100 000 services.
"""

import argparse
import csv
import os
import random
import statistics
import sys
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dinutvei.settings.test")


@contextmanager
def throwaway_postgresql():
    """A database of its own (test_<name>) on PostgreSQL for one run, dropped after."""
    from django.db import connection
    from django.test.utils import setup_test_environment

    if connection.vendor != "postgresql":
        sys.exit("Set DATABASE_URL to a PostgreSQL database: this benchmark measures PostgreSQL.")
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        yield connection
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


def median_ms(function, runs):
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings)


def postcode_points():
    with (ROOT / "services" / "data" / "no_postcodes.csv").open(encoding="utf-8") as file:
        return [
            (row["postcode"], float(row["latitude"]), float(row["longitude"]))
            for row in csv.DictReader(file)
        ]


def fill(total, points, rng):
    from services.models import OpeningPeriod, Service, ServiceCategory, public_id_for

    categories = list(ServiceCategory.objects.all())
    existing = Service.objects.count()
    batch = []
    for number in range(existing, total):
        postcode, lat, lon = rng.choice(points)
        batch.append(
            Service(
                name=f"Tjeneste {number}",
                slug=f"tjeneste-{number}",
                public_id=public_id_for(f"tjeneste-{number}"),
                category=categories[number % len(categories)],
                postcode=postcode,
                latitude=min(max(lat + rng.uniform(-0.02, 0.02), 57.1), 81.4),
                longitude=min(max(lon + rng.uniform(-0.04, 0.04), -9.4), 34.9),
                is_open_24_7=number % 3 == 0,
            )
        )
        if len(batch) == 5000:
            Service.objects.bulk_create(batch)
            batch = []
    Service.objects.bulk_create(batch)
    periods = [
        OpeningPeriod(service_id=pk, weekday=day, opens="08:00", closes="15:30")
        for pk in Service.objects.filter(is_open_24_7=False)
        .values_list("pk", flat=True)
        .order_by("pk")[existing:]
        for day in range(5)
    ]
    OpeningPeriod.objects.bulk_create(periods, batch_size=10000)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()

    import django

    django.setup()
    from django.test import Client

    from services.selectors import nearest_service_ids, services_near

    with throwaway_postgresql() as connection:
        rng = random.Random(1)
        points = postcode_points()
        queries = [rng.choice(points) for _ in range(args.runs)]
        client = Client()
        print("Median milliseconds. nearest-20: the search (ids and distances); +cards: with the")
        print("20 services loaded for the list; geojson: the map's response for a postcode search")
        print("and for every service.\n")
        print(
            f"{'services':>9} {'nearest-20':>11} {'+cards':>8} {'geojson search':>15} "
            f"{'geojson all':>12}"
        )
        for size in (int(s) for s in args.sizes.split(",")):
            fill(size, points, rng)
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")

            def search(function, points):
                _code, lat, lon = next(points)
                return function(latitude=lat, longitude=lon, radius_km=50, limit=20)

            ids_points, card_points = iter(queries * 2), iter(queries * 2)
            near_ms = median_ms(lambda p=ids_points: search(nearest_service_ids, p), args.runs)
            cards_ms = median_ms(lambda p=card_points: search(services_near, p), args.runs)
            codes = iter([code for code, _lat, _lon in queries] * 2)
            geo_ms = median_ms(
                lambda codes=codes: client.get("/tjenester/kart.geojson", {"q": next(codes)}),
                min(args.runs, 100),
            )
            all_runs = 5 if size >= 100_000 else 20
            all_ms = median_ms(lambda: client.get("/tjenester/kart.geojson"), all_runs)
            print(f"{size:>9} {near_ms:>11.2f} {cards_ms:>8.2f} {geo_ms:>15.2f} {all_ms:>12.1f}")


if __name__ == "__main__":
    main()
