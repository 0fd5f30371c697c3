"""The tests' factories, one module for every app: real model instances with sensible
defaults, saved through the apps' own write functions where they have them."""

import datetime as dt
import itertools

from django.contrib.auth.models import Group, User
from django.core.files.base import ContentFile
from django.utils import timezone

from articles.models import Article, NewsItem
from articles.services import article_save, news_item_save
from core.models import TargetGroup, Topic
from core.permissions import EDITORS, PANEL, PANEL_MODERATORS
from films.demo import DEMO_FOLDER
from films.models import Film, FilmSubtitle
from films.services import film_save, film_subtitle_save
from questions.models import PanelMember, Question
from questions.services import question_submit
from selftests.models import Outcome, SelfTest, Statement
from selftests.services import outcome_save, selftest_save, statement_save
from services.models import Municipality, OpeningPeriod, Service, ServiceCategory

PASSWORD = "correct horse battery"
QUESTION_TEXT = (
    "Kjæresten min leser meldingene mine og blir sint når jeg treffer venner. "
    "Er dette vold, og hva kan jeg gjøre?"
)

_numbers = itertools.count(1)


def category(slug="krisesenter"):
    return ServiceCategory.objects.get(slug=slug)


def service(**fields):
    number = next(_numbers)
    municipality = fields.pop("municipality", None) or Municipality.objects.get(number="0301")
    defaults = {
        "name": f"Testtjeneste {number}",
        "slug": f"testtjeneste-{number}",
        "category": category(),
        "postcode": "0150",
        "place": "Oslo",
        "municipality": municipality,
        "county": municipality.county,
        "latitude": 59.9139,
        "longitude": 10.7522,
        "phone": "099 00 000",
        "last_verified": dt.date.today(),
    }
    defaults.update(fields)
    opening = defaults.pop("opening", [])
    client_groups = defaults.pop("client_groups", [])
    created = Service.objects.create(**defaults)
    for weekday, opens, closes in opening:
        OpeningPeriod.objects.create(service=created, weekday=weekday, opens=opens, closes=closes)
    if client_groups:
        created.client_groups.set(client_groups)
    return created


def editor(username="redaktor"):
    user = User.objects.create_user(username, password="correct horse battery", is_staff=True)
    user.groups.add(Group.objects.get(name=EDITORS))
    return user


# --- Vocabularies and articles ------------------------------------------------------------


def target_group(slug="utsatt", **names):
    group, _created = TargetGroup.objects.get_or_create(
        slug=slug,
        defaults={
            "name_nb": names.get("nb", f"Gruppe {slug}"),
            "name_en": names.get("en", f"Group {slug}"),
            "name_ar": names.get("ar", ""),
        },
    )
    return group


def topic(slug="vold-i-naere-relasjoner", **names):
    found, _created = Topic.objects.get_or_create(
        slug=slug,
        defaults={
            "name_nb": names.get("nb", f"Tema {slug}"),
            "name_en": names.get("en", f"Topic {slug}"),
        },
    )
    return found


def article(*, translations=None, target_groups=(), topics=(), service_categories=(), **fields):
    """An article with bokmål text, and the other languages given as
    translations={"en": {"title": …, "summary": …, "body": …}}."""
    number = next(_numbers)
    new = Article(
        slug=fields.pop("slug", f"artikkel-{number}"),
        title_nb=fields.pop("title", f"Artikkel {number}"),
        summary_nb=fields.pop("summary", "Et kort sammendrag."),
        body_nb=fields.pop("body", "<p>Tekst om vold og hjelp.</p>"),
        published_at=fields.pop("published_at", timezone.now() - dt.timedelta(days=1)),
        **fields,
    )
    for language, values in (translations or {}).items():
        for name, value in values.items():
            setattr(new, f"{name}_{language}", value)
    article_save(article=new)
    new.target_groups.set(target_groups)
    new.topics.set(topics)
    new.service_categories.set(service_categories)
    return new


def news_item(**fields):
    number = next(_numbers)
    item = NewsItem(
        slug=fields.pop("slug", f"nyhet-{number}"),
        title_nb=fields.pop("title", f"Nyhet {number}"),
        summary_nb=fields.pop("summary", "Kort om nyheten."),
        body_nb=fields.pop("body", "<p>Nyhetstekst.</p>"),
        published_at=fields.pop("published_at", timezone.now() - dt.timedelta(hours=1)),
        **fields,
    )
    return news_item_save(news_item=item)


ENGLISH = {
    "title": "What is violence?",
    "summary": "A short summary.",
    "body": "<p>Text about violence and help.</p>",
}
ARABIC = {"title": "ما هو العنف؟", "summary": "ملخص قصير.", "body": "<p>نص عن العنف والمساعدة.</p>"}


# --- Questions ---------------------------------------------------------------------------


def staff(username, *, moderator=False, role="psychologist", topics=(), email=None):
    user = User.objects.create_user(
        username,
        email=email or f"{username}@panel.example.no",
        password=PASSWORD,
        is_staff=True,
        first_name=username.split(".")[0].title() + "sen",
    )
    user.groups.add(Group.objects.get(name=PANEL))
    if moderator:
        user.groups.add(Group.objects.get(name=PANEL_MODERATORS))
    member = PanelMember.objects.create(user=user, role=role)
    if topics:
        member.topics.set(Topic.objects.filter(slug__in=topics))
    return user


def question(**fields):
    """A question as an asker would send it; returns (question, code)."""
    defaults = {
        "text": QUESTION_TEXT,
        "topic": topic(),
        "asker_group": target_group(),
        "consent_to_publish": True,
        "language": "nb",
    }
    defaults.update(fields)
    return question_submit(**defaults)


def published_question(
    *,
    title,
    question,
    answer="Et generelt svar fra panelet.",
    topic_slug="foreldretvist-og-samvaer",
    group_slug="utsatt",
    role="lawyer",
    **fields,
):
    """A question already answered and published, with its public version."""
    created, _code = question_submit(
        text="Originalen: " + question,
        topic=topic(topic_slug),
        asker_group=target_group(group_slug) if group_slug else None,
        consent_to_publish=True,
        language="nb",
    )
    now = timezone.now()
    values = {
        "status": Question.Status.PUBLISHED,
        "answer": answer,
        "answered_by_role": role,
        "answered_at": now,
        "public_title_nb": title,
        "public_question_nb": question,
        "public_answer_nb": answer,
        "public_slug": fields.pop("slug", None) or f"q-{created.pk}",
        "published_at": now,
    }
    values.update(fields)
    Question.objects.filter(pk=created.pk).update(**values)
    created.refresh_from_db()
    return created


# --- Information material ---------------------------------------------------------------------


def material(slug=None, *, stock=None, title=None, **fields):
    """A material with stock rows ({language: quantity}; 100 in bokmål by default)."""
    from materials.models import Material, MaterialStock

    number = next(_numbers)
    slug = slug or f"materiell-{number}"
    defaults = {"title_nb": title or f"Brosjyre {number}", "kind": Material.Kind.BROCHURE}
    defaults.update(fields)
    created = Material.objects.create(slug=slug, **defaults)
    for language, quantity in (stock if stock is not None else {"nb": 100}).items():
        MaterialStock.objects.create(material=created, language=language, quantity=quantity)
    return created


def material_order(*, lines=None, **fields):
    """An order as the form would send it; `lines` is [(material, language, quantity)]."""
    from materials.services import LineRequest, order_submit
    from tests.materials.helpers import ORDERER

    if lines is None:
        lines = [(material(), "nb", 10)]
    defaults = {**ORDERER, "language": "nb"}
    del defaults["website"]  # the form's honeypot
    defaults.update(fields)
    return order_submit(
        lines=[LineRequest(material=m, language=lang, quantity=q) for m, lang, q in lines],
        **defaults,
    )


def materials_staff(username="lager", *, email=None, is_active=True):
    from materials.permissions import MATERIALS_STAFF

    user = User.objects.create_user(
        username,
        email=f"{username}@dinutvei.example.no" if email is None else email,
        password=PASSWORD,
        is_staff=True,
        is_active=is_active,
    )
    user.groups.add(Group.objects.get(name=MATERIALS_STAFF))
    return user


# --- Self-tests ---------------------------------------------------------------------------


def selftest(*, slug=None, group="utsatt", statements=(), outcomes=(), **fields):
    """A published self-test for a target group, with statements given as (kind, text) or
    (kind, text, is_danger_sign), and outcomes as levels (each titled after its level)."""
    number = next(_numbers)
    test = selftest_save(
        selftest=SelfTest(
            slug=slug or f"selvtest-{number}",
            title_nb=fields.pop("title", f"Selvtest {number}"),
            title_en=fields.pop("title_en", f"Self-test {number}"),
            intro_nb=fields.pop("intro", "Om testen."),
            sources_nb=fields.pop("sources", "Bufdir, NKVTS."),
            target_group=target_group(group),
            **fields,
        )
    )
    for order, entry in enumerate(statements):
        statement(test, *entry, order=order)
    for level in outcomes:
        outcome(test, level)
    return test


def statement(selftest, kind, text, is_danger_sign=False, *, order=0, article=None):
    return statement_save(
        statement=Statement(
            selftest=selftest,
            kind=kind,
            text_nb=text,
            is_danger_sign=is_danger_sign,
            order=order,
            article=article,
        )
    )


def outcome(selftest, level, *, articles=(), service_categories=(), **fields):
    return outcome_save(
        outcome=Outcome(
            selftest=selftest,
            level=level,
            title_nb=fields.pop("title", f"Utfall {level}"),
            title_en=fields.pop("title_en", f"Outcome {level}"),
            text_nb=fields.pop("text", f"Tekst for {level}."),
            **fields,
        ),
        articles=list(articles),
        service_categories=list(service_categories),
    )


# --- Films -------------------------------------------------------------------------------

VTT = {
    "nb": "WEBVTT\n\n00:00.000 --> 00:02.000\nHei.\n",
    "en": "WEBVTT\n\n00:00.000 --> 00:02.000\nHello.\n",
    "ar": "WEBVTT\n\n00:00.000 --> 00:02.000\nمرحبا.\n",
}


def film(*, subtitles=("nb",), target_groups=(), translations=None, **fields):
    """A published film with the demo film's video and poster, and subtitles in the given
    languages (a line each)."""
    number = next(_numbers)
    new = Film(
        slug=fields.pop("slug", f"film-{number}"),
        title_nb=fields.pop("title", f"Film {number}"),
        summary_nb=fields.pop("summary", "Et kort sammendrag."),
        transcript_nb=fields.pop("transcript", "Hei.\n\nDu kan få hjelp."),
        is_published=fields.pop("is_published", True),
        **fields,
    )
    for language, values in (translations or {}).items():
        for name, value in values.items():
            setattr(new, f"{name}_{language}", value)
    new.video.save(
        f"film-{number}.webm", ContentFile((DEMO_FOLDER / "demo-film.webm").read_bytes()), False
    )
    new.poster.save(
        f"film-{number}.png", ContentFile((DEMO_FOLDER / "demo-poster.png").read_bytes()), False
    )
    film_save(film=new)
    new.target_groups.set(target_groups)
    for language in subtitles:
        subtitle = FilmSubtitle(film=new, language=language)
        subtitle.file.save(
            f"film-{number}.{language}.vtt", ContentFile(VTT[language].encode()), False
        )
        film_subtitle_save(subtitle=subtitle)
    return new
