"""Benchmark: the open data (HSDS 3.1) at 10 000 services on PostgreSQL. Prints figures;
asserts nothing.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/dinutvei_bench \\
        .venv/bin/python bench/opendata.py [--size 10000]

In a throwaway database (test_<name>) filled like bench/services_search.py. The full export
(the zip of CSV files, and every service as NDJSON) in seconds, set against the editors'
CSV export of the same services; one API page (50 full services) in milliseconds, set
against the health check answered by the same process, so that the machine's load cancels.
"""

import argparse
import random
import time

from services_search import median_ms, postcode_points


def seconds(function):
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()

    import django

    django.setup()
    import io

    from django.conf import settings
    from django.test import Client
    from services_search import fill, throwaway_postgresql

    from services.csv_io import write_csv
    from services.models import Service

    settings.PAGE_CACHE_SECONDS = 0  # measure the work, not the page cache
    with throwaway_postgresql() as connection:
        fill(args.size, postcode_points(), random.Random(1))
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        client = Client()
        zip_s, response = seconds(lambda: client.get("/api/v1/datapackage.zip"))
        zip_mb = len(response.content) / 1e6
        ndjson_s, _ = seconds(
            lambda: b"".join(client.get("/api/v1/services?format=ndjson").streaming_content)
        )
        csv_s, _ = seconds(lambda: write_csv(io.StringIO(), Service.objects.all()))
        page_ms = median_ms(
            lambda: client.get("/api/v1/services", {"full": "true", "page": 7}), args.runs
        )
        health_ms = median_ms(lambda: client.get("/helse/"), args.runs)
        figures = [
            (f"data package (zip, {zip_mb:.1f} MB)", f"{zip_s:.2f} s", zip_s / csv_s, "CSV"),
            ("all services as NDJSON", f"{ndjson_s:.2f} s", ndjson_s / csv_s, "CSV"),
            ("one page, 50 full services", f"{page_ms:.1f} ms", page_ms / health_ms, "health"),
        ]
        print(f"{Service.objects.count()} services; CSV: the editors' CSV export of the same")
        print(f"services, {csv_s:.2f} s; health: the health check, {health_ms:.2f} ms\n")
        for what, figure, ratio, against in figures:
            print(f"  {what:<32} {figure:>9}  {ratio:6.1f}× {against}")


if __name__ == "__main__":
    main()
