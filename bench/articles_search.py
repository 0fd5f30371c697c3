"""Median time of a site search over 10 000 articles in 3 languages on PostgreSQL.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/dinutvei_bench \
        .venv/bin/python bench/articles_search.py [--articles 10000] [--runs 50]

Works in a throwaway test database (test_<name>), created and dropped here. The articles
are generated from a fixed vocabulary (seeded, so every run is the same); each query is
searched through dinutvei.search.site_search, as the search page does (articles, services
and questions if present), and through the article search alone. Target: under 15 ms.
"""

import argparse
import io
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dinutvei.settings.test")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.utils import timezone, translation  # noqa: E402

DEMO_SERVICES = Path(__file__).resolve().parent.parent / "services" / "data" / "demo_services.csv"
VOCABULARY = {
    "nb": (
        "vold trusler krisesenter hjelp politiet anmelde overgrep voldtekt barn familie "
        "partner samtale trygghet skade redsel kontroll penger bolig adresse sperret "
        "besøksforbud voldsalarm legevakt overgrepsmottak reaksjoner søvn angst skam "
        "skyld støtte venn kollega nabo bekymret råd samtykke digital overvåking telefon "
        "melding bilder deling kjæreste ektefelle samboer skilsmisse barnevern skole "
        "lærer helsesykepleier fastlege psykolog advokat bistandsadvokat rettighet "
        "erstatning "
    ).split(),
    "en": (
        "violence threats shelter help police report abuse rape children family partner "
        "conversation safety injury fear control money housing address confidential "
        "restraining order alarm emergency clinic reactions sleep anxiety shame guilt "
        "support friend colleague neighbour worried advice consent digital surveillance "
        "phone message pictures sharing boyfriend spouse divorce welfare school teacher "
        "nurse doctor psychologist lawyer counsel rights compensation "
    ).split(),
    "pl": (
        "przemoc groźby schronisko pomoc policja zgłoszenie nadużycie gwałt dzieci "
        "rodzina partner rozmowa bezpieczeństwo uraz strach kontrola pieniądze mieszkanie "
        "adres zakaz alarm pogotowie reakcje sen lęk wstyd wina wsparcie przyjaciel "
        "sąsiad porada zgoda telefon wiadomość zdjęcia małżonek rozwód szkoła nauczyciel "
        "lekarz psycholog prawnik prawa odszkodowanie "
    ).split(),
}
QUERIES = {
    "nb": [
        "vold",
        "krisesenter hjelp",
        "voldtekt anmelde",
        "besøksforbud",
        "barnevern skole",
        "krisesentr",
        "bistandsadvokat erstatning",
        '"sperret adresse"',
    ],
    "en": [
        "violence",
        "shelter help",
        "rape report",
        "restraining order",
        "sheltr",
        "lawyer rights",
    ],
    "pl": ["przemoc", "schronisko pomoc", "gwałt", "prawnik"],
}


def paragraph(rng, words, length):
    return " ".join(rng.choice(words) for _ in range(length)).capitalize() + "."


def generate(count, rng):
    from articles.models import Article, ArticleSearchDocument, SearchWord
    from articles.sanitize import html_to_text
    from articles.search import document_vector, rank_vector
    from core.search import search_config

    now = timezone.now()
    articles = []
    for number in range(count):
        fields = {"slug": f"bench-{number}", "published_at": now, "source_hash": "x"}
        for language, words in VOCABULARY.items():
            fields[f"title_{language}"] = paragraph(rng, words, 5)[:-1]
            fields[f"summary_{language}"] = paragraph(rng, words, 25)
            fields[f"body_{language}"] = "".join(
                f"<p>{paragraph(rng, words, 60)}</p>" for _ in range(6)
            )
        articles.append(Article(**fields))
    Article.objects.bulk_create(articles, batch_size=500)
    documents = []
    for article in Article.objects.filter(slug__startswith="bench-").iterator():
        for language in VOCABULARY:
            documents.append(
                ArticleSearchDocument(
                    article=article,
                    language=language,
                    config=search_config(language),
                    title=getattr(article, f"title_{language}"),
                    summary=getattr(article, f"summary_{language}"),
                    text=html_to_text(getattr(article, f"body_{language}")),
                )
            )
    ArticleSearchDocument.objects.bulk_create(documents, batch_size=1000)
    ArticleSearchDocument.objects.update(vector=document_vector(), rank_vector=rank_vector())
    SearchWord.objects.bulk_create(
        [
            SearchWord(language=language, word=word.casefold())
            for language, words in VOCABULARY.items()
            for word in set(words)
        ],
        ignore_conflicts=True,
    )
    # As autovacuum leaves a table in steady use: the bulk update's old row versions gone.
    with connection.cursor() as cursor:
        cursor.execute("VACUUM FULL ANALYZE articles_articlesearchdocument")
        cursor.execute("ANALYZE")


def measure(function, runs, warmup=3):
    for _ in range(warmup):  # caches and connection as a running site has them
        function()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), max(times)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument(
        "--keep",
        action="store_true",
        help="keep the test database and reuse its articles next time",
    )
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("Set DATABASE_URL to a PostgreSQL database: this measures PostgreSQL.")

    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=args.keep)
    try:
        from articles.models import Article
        from articles.search import search_documents
        from dinutvei.search import site_search

        started = time.perf_counter()
        if not Article.objects.filter(slug__startswith="bench-").exists():
            generate(args.articles, random.Random(2026))
            # The demo help services, so that the site search searches those too.
            call_command("import_services", DEMO_SERVICES, stdout=io.StringIO())
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")  # as autovacuum would, once the data is in
        count = Article.objects.filter(slug__startswith="bench-").count()
        print(
            f"{count} articles x {len(VOCABULARY)} languages ready in "
            f"{time.perf_counter() - started:.0f} s"
        )
        print(
            f"{'language':<9}{'query':<30}{'site search median':>20}{'max':>9}{'articles only':>15}"
        )
        medians = []
        for language, queries in QUERIES.items():
            with translation.override(language):
                for query in queries:
                    site_median, site_max = measure(
                        lambda q=query, lang=language: site_search(q, language=lang), args.runs
                    )
                    article_median, _ = measure(
                        lambda q=query, lang=language: search_documents(q, language=lang),
                        args.runs,
                    )
                    medians.append(site_median)
                    print(
                        f"{language:<9}{query:<30}{site_median:>17.1f} ms{site_max:>6.0f} ms"
                        f"{article_median:>12.1f} ms"
                    )
        print(
            f"\nMedian of the site-search medians: {statistics.median(medians):.1f} ms "
            f"(target: under 15 ms)"
        )
    finally:
        if not args.keep:
            connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
