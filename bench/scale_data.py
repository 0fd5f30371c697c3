"""Scale the demo data up for bench/load.py: services, articles in three languages and
published questions, added in bulk to whatever database DATABASE_URL names.

    .venv/bin/python bench/scale_data.py --services 1000 --articles 1000 --questions 5000

Run by bench/load.py with the stack's production environment, after load_demo_data.
"""

import argparse
import random
import secrets
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from articles_search import generate as generate_articles  # noqa: E402 (sets Django up)
from django.db import connection  # noqa: E402
from django.utils import timezone  # noqa: E402
from services_search import fill as fill_services  # noqa: E402
from services_search import postcode_points  # noqa: E402

QUESTION_WORDS = (
    "samvær barn vold trusler politiet krisesenter advokat anmelde hjelp kjæreste skole "
    "penger kontroll bolig frykt samtale familie rettigheter barnevern"
).split()


def sentence(rng, length):
    return " ".join(rng.choice(QUESTION_WORDS) for _ in range(length)).capitalize()


def add_questions(count, rng):
    from core.models import TargetGroup, Topic
    from questions.models import Question

    topics, groups = list(Topic.objects.all()), list(TargetGroup.objects.all())
    now = timezone.now()
    Question.objects.bulk_create(
        [
            Question(
                text=sentence(rng, 30) + "?",
                topic=topics[number % len(topics)],
                asker_group=groups[number % len(groups)],
                consent_to_publish=True,
                language="nb",
                code_hash=secrets.token_hex(32),
                status=Question.Status.PUBLISHED,
                answer=sentence(rng, 80) + ".",
                answered_by_role="lawyer",
                answered_at=now,
                public_title_nb=sentence(rng, 5),
                public_question_nb=sentence(rng, 30) + "?",
                public_answer_nb=sentence(rng, 80) + ".",
                public_slug=f"benk-{number}",
                published_at=now,
            )
            for number in range(count)
        ],
        batch_size=1000,
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--services", type=int, default=1000)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--questions", type=int, default=5000)
    args = parser.parse_args()
    rng = random.Random(2026)
    fill_services(args.services, postcode_points(), rng)
    generate_articles(args.articles, rng)
    add_questions(args.questions, rng)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    from core import page_cache

    page_cache.content_changed()  # bulk_create sends no signal
    from articles.models import Article
    from questions.models import Question
    from services.models import Service

    print(
        f"{Service.objects.count()} services, {Article.objects.count()} articles, "
        f"{Question.objects.published().count()} published questions"
    )


if __name__ == "__main__":
    main()
