"""The merge of the questions' topics into the site's one topic list, run on a database
that holds data of the old shape: every question, panel member and statistics record keeps
its topic, under the site's slug."""

import datetime as dt

import pytest

from tests.migrations import migrate

BEFORE = [("questions", "0002_topics_and_permissions")]


@pytest.mark.django_db(transaction=True)
def test_question_topics_merge_into_the_site_topics(restored_transactional_db):
    old = migrate(BEFORE).apps
    old_topic = old.get_model("questions", "Topic")
    site_topic = old.get_model("core", "Topic")
    article_model = old.get_model("articles", "Article")
    # An article topic of the same meaning, under the articles' slug.
    violence, _created = site_topic.objects.get_or_create(
        slug="vold-i-naere-relasjoner", defaults={"name": "Vold i nære relasjoner"}
    )
    article = article_model.objects.create(
        slug="hva-er-vold", title="Hva er vold?", title_nb="Hva er vold?"
    )
    article.topics.add(violence)
    old_violence = old_topic.objects.get(slug="vold-i-nare-relasjoner")
    other = old_topic.objects.get(slug="annet")
    user = old.get_model("auth", "User").objects.create(username="lege", is_staff=True)
    member = old.get_model("questions", "PanelMember").objects.create(user=user, role="doctor")
    member.topics.set([old_violence, other])
    question_model = old.get_model("questions", "Question")
    question = question_model.objects.create(
        text="Et spørsmål om vold hjemme.",
        topic=old_violence,
        asker_role="subjected",
        code_hash="a" * 64,
    )
    elsewhere = question_model.objects.create(
        text="Et annet spørsmål her.", topic=other, asker_role="relative", code_hash="b" * 64
    )
    record = old.get_model("questions", "StatisticsRecord").objects.create(
        received_month=dt.date(2026, 1, 1),
        topic=old_violence,
        asker_role="subjected",
        outcome="answered",
    )

    migrate(None)

    from articles.models import Article
    from core.models import Topic
    from questions.models import PanelMember, Question, StatisticsRecord

    merged = Topic.objects.get(slug="vold-i-naere-relasjoner")
    assert merged.pk == violence.pk
    assert not Topic.objects.filter(slug="vold-i-nare-relasjoner").exists()
    assert Question.objects.get(pk=question.pk).topic == merged
    assert Question.objects.get(pk=elsewhere.pk).topic.slug == "annet"
    assert Topic.objects.get(slug="annet").name_en == "Other"
    assert set(PanelMember.objects.get(pk=member.pk).topics.values_list("slug", flat=True)) == {
        "vold-i-naere-relasjoner",
        "annet",
    }
    assert StatisticsRecord.objects.get(pk=record.pk).topic == merged
    assert list(Article.objects.get(pk=article.pk).topics.all()) == [merged]


@pytest.mark.django_db
def test_an_old_topic_link_to_the_published_questions_is_redirected(client):
    response = client.get("/sporsmal/", {"topic": "vold-i-nare-relasjoner", "q": "vold"})
    assert response.status_code == 301
    assert "topic=vold-i-naere-relasjoner" in response["Location"]
    assert "q=vold" in response["Location"]
