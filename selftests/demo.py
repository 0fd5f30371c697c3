"""Loading the demo self-tests (selftests/data/demo_selftests.json), keyed on the tests'
slugs, the statements' places in their test and the outcomes' levels: loading the same
file again changes nothing. Articles, kinds of help and target groups are named by slug;
one the database does not have is reported and left out."""

import json

from django.db import transaction

from articles.models import Article
from core.demo import LoadReport, find_named, set_translations
from core.i18n import localized_names
from core.models import TargetGroup
from services.models import ServiceCategory

from .models import Outcome, SelfTest, Statement
from .services import outcome_save, selftest_save, statement_save


def _snapshot(instance, names):
    return {name: getattr(instance, name, None) for name in names}


@transaction.atomic
def load_demo_selftests(path):
    data = json.loads(path.read_text(encoding="utf-8"))
    report = LoadReport()
    groups = {group.slug: group for group in TargetGroup.objects.all()}
    articles = {article.slug: article for article in Article.objects.all()}
    categories = {category.slug: category for category in ServiceCategory.objects.all()}

    for item in data.get("selftests", []):
        group = groups.get(item["target_group"])
        if group is None:
            report.warnings.append(f"Unknown target group: {item['target_group']}")
            continue
        selftest = SelfTest.objects.filter(slug=item["slug"]).first()
        is_new = selftest is None
        selftest = selftest or SelfTest(slug=item["slug"])
        names = [*localized_names(("title", "intro", "sources")), "target_group_id", "order"]
        before = _snapshot(selftest, names)
        set_translations(selftest, ("title", "intro", "sources"), item["translations"])
        selftest.target_group = group
        selftest.order = item.get("order", 0)
        if is_new or _snapshot(selftest, names) != before:
            selftest_save(selftest=selftest)
            report.created += is_new
            report.updated += not is_new

        existing = {statement.order: statement for statement in selftest.statements.all()}
        for order, entry in enumerate(item.get("statements", [])):
            statement = existing.pop(order, None) or Statement(selftest=selftest, order=order)
            names = [*localized_names(("text",)), "kind", "is_danger_sign", "article_id"]
            before = _snapshot(statement, names)
            set_translations(
                statement,
                ("text",),
                {code: {"text": text} for code, text in entry["text"].items()},
            )
            statement.kind = entry["kind"]
            statement.is_danger_sign = entry.get("danger", False)
            linked = find_named(
                [entry["article"]] if entry.get("article") else [], articles, report, "article"
            )
            statement.article = linked[0] if linked else None
            if statement.pk is None or _snapshot(statement, names) != before:
                statement_save(statement=statement)
        for extra in existing.values():  # statements the file no longer has
            extra.delete()

        for entry in item.get("outcomes", []):
            outcome = selftest.outcomes.filter(level=entry["level"]).first() or Outcome(
                selftest=selftest, level=entry["level"]
            )
            names = [*localized_names(("title", "text")), "ask_panel"]
            before = _snapshot(outcome, names)
            set_translations(outcome, ("title", "text"), entry["translations"])
            outcome.ask_panel = entry.get("ask_panel", True)
            chosen_articles = find_named(entry.get("articles", []), articles, report, "article")
            chosen_categories = find_named(
                entry.get("service_categories", []), categories, report, "service category"
            )
            relations_changed = outcome.pk is None or (
                {a.pk for a in outcome.articles.all()} != {a.pk for a in chosen_articles}
                or {c.pk for c in outcome.service_categories.all()}
                != {c.pk for c in chosen_categories}
            )
            if relations_changed or _snapshot(outcome, names) != before:
                outcome_save(
                    outcome=outcome,
                    articles=chosen_articles,
                    service_categories=chosen_categories,
                )
    return report
