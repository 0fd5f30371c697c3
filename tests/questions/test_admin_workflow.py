"""The whole workflow through the admin, as a moderator and as panel members: screening,
assignment, drafting, the second reader, sending, publishing the anonymised version only,
follow-up, notes, and who may see and do what."""

import pytest
from django.core import mail
from django.test import override_settings
from django.urls import reverse

from questions.models import InternalNote, Question, StatusChange
from tests.questions import helpers
from tests.questions.helpers import admin_step, change_url, messages_of, nb

pytestmark = pytest.mark.django_db
S = Question.Status


def login(client, user):
    client.force_login(user)
    return client


def read_answer(client, code, **extra):
    return client.post(helpers.url("questions:read"), {"code": code, "action": "read", **extra})


def test_the_whole_workflow_from_question_to_publication(
    client, moderator, second_moderator, member, django_capture_on_commit_callbacks
):
    question, code = helpers.question(topic=helpers.topic("foreldretvist-og-samvaer"))

    # The moderator sees the new question in the list and screens it.
    login(client, moderator)
    listing = client.get(reverse("admin:questions_question_changelist"))
    assert f"#{question.pk}" in listing.content.decode()
    response = admin_step(client, question, "accept")
    question.refresh_from_db()
    assert question.status == S.ACCEPTED
    assert nb("Done: the question is now %(status)s.") % {"status": nb("accepted")} in messages_of(
        response
    )

    # The assign list puts the panel members who know the topic first.
    page = client.get(change_url(question))
    choices = [
        label
        for value, label in page.context["adminform"].form.fields["assign_to"].choices
        if value
    ]
    assert choices[0].startswith(f"★ Karisen ({nb('lawyer')})")

    # Assigning tells the panel member by e-mail, without a word of the question.
    with django_capture_on_commit_callbacks(execute=True):
        admin_step(client, question, "assign", assign_to=str(member.panel_member.pk))
    question.refresh_from_db()
    assert question.status == S.ASSIGNED and question.assigned_to.user == member
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [member.email]
    assert change_url(question) in message.body
    for word in ("Kjæresten", "meldingene", "samvær", "Foreldretvist"):
        assert word not in message.body and word not in message.subject

    # The panel member writes the answer, saves it, and submits it for approval.
    client.logout()
    login(client, member)
    listing = client.get(reverse("admin:questions_question_changelist"))
    assert f"#{question.pk}" in listing.content.decode()
    answer = "Det du beskriver, er psykisk vold. Du kan ringe 116 006 for å snakke med noen."
    admin_step(client, question, answer=answer)
    question.refresh_from_db()
    assert question.answer == answer and question.status == S.ASSIGNED
    page = client.get(change_url(question))
    names = [button["name"] for button in page.context["workflow_actions"]]
    assert "submit_draft" in names and "approve" not in names and "assign" not in names
    admin_step(client, question, "submit_draft")
    question.refresh_from_db()
    assert question.status == S.DRAFTED and question.answer_drafted_by == member

    # A panel member cannot approve, not even by posting the step by hand.
    response = admin_step(client, question, "approve")
    question.refresh_from_db()
    assert question.status == S.DRAFTED
    assert nb("Only a moderator can do this.") in messages_of(response)

    # A second reader approves; then the panel member sends the answer.
    client.logout()
    login(client, second_moderator)
    admin_step(client, question, "approve")
    question.refresh_from_db()
    assert question.status == S.APPROVED and question.answer_approved_by == second_moderator
    client.logout()
    login(client, member)
    admin_step(client, question, "send_answer")
    question.refresh_from_db()
    assert question.status == S.ANSWERED and question.answered_at is not None
    assert question.answered_by_role == "lawyer"

    # The asker reads it with the code: the role, never the name.
    client.logout()
    page = read_answer(client, code)
    content = page.content.decode()
    assert answer in content
    assert "a lawyer in the panel" in content
    assert member.username not in content and member.first_name not in content

    # Publishing needs an anonymised public version; the original wording is refused.
    login(client, moderator)
    response = admin_step(client, question, "publish")
    assert question.__class__.objects.get(pk=question.pk).status == S.ANSWERED
    assert nb(
        "Write the public title, question and answer (in bokmål at least) first."
    ) in messages_of(response)
    response = admin_step(
        client,
        question,
        "publish",
        public_title_nb="Er kontroll vold?",
        public_question_nb=question.text,
        public_answer_nb=answer,
    )
    question.refresh_from_db()
    assert question.status == S.ANSWERED
    assert nb(
        "The public question is the original wording: rewrite it so the asker cannot be recognised."
    ) in messages_of(response)
    public_question = "Partneren min kontrollerer hvem jeg treffer. Er det vold?"
    public_answer = "Ja, kontroll kan være psykisk vold. Ring 116 006 for å snakke med noen."
    admin_step(
        client,
        question,
        "publish",
        public_title_nb="Er kontroll vold?",
        public_question_nb=public_question,
        public_answer_nb=public_answer,
    )
    question.refresh_from_db()
    assert question.status == S.PUBLISHED and question.public_slug == "er-kontroll-vold"

    # The public page shows the rewritten version only.
    client.logout()
    page = client.get(helpers.public_url(question))
    content = page.content.decode()
    assert page.status_code == 200
    assert public_question in content and public_answer in content
    assert "Kjæresten min leser meldingene mine" not in content
    assert answer not in content
    assert "a lawyer in the panel" in content
    for user in (member, moderator, second_moderator):
        assert user.username not in content and user.first_name not in content

    # Every step is in the log with who took it.
    log = list(
        StatusChange.objects.filter(question=question).values_list(
            "from_status", "to_status", "by__username"
        )
    )
    assert log == [
        ("", "received", None),
        ("received", "accepted", "mona.m"),
        ("accepted", "assigned", "mona.m"),
        ("assigned", "drafted", "kari.n"),
        ("drafted", "approved", "sigrid.s"),
        ("approved", "answered", "kari.n"),
        ("answered", "published", "mona.m"),
    ]


def test_a_panel_member_cannot_see_or_open_another_members_question(
    client, moderator, member, other_member
):
    question, _code = helpers.question()
    mine, _ = helpers.question(text="Et annet spørsmål om vold som er langt nok til å sendes.")
    login(client, moderator)
    admin_step(client, question, "accept")
    admin_step(client, question, "assign", assign_to=str(member.panel_member.pk))
    admin_step(client, mine, "accept")
    admin_step(client, mine, "assign", assign_to=str(other_member.panel_member.pk))
    client.logout()

    login(client, other_member)
    listing = client.get(reverse("admin:questions_question_changelist"))
    assert f"#{mine.pk}" in listing.content.decode()
    assert f"#{question.pk}" not in listing.content.decode()
    page = client.get(change_url(question), follow=True)
    assert page.redirect_chain and page.redirect_chain[-1][0] == reverse("admin:index")
    assert helpers.QUESTION_TEXT not in page.content.decode()
    # Nor can they act on it, nor note on it, nor read its history.
    response = client.post(
        change_url(question), {"_transition": "send_answer", "answer": "Overtatt svar"}
    )
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.answer == "" and question.status == S.ASSIGNED
    history = client.get(reverse("admin:questions_question_history", args=[question.pk]))
    assert history.status_code in (302, 403, 404)
    # Searching for its words finds nothing either.
    search = client.get(reverse("admin:questions_question_changelist"), {"q": "meldingene"})
    assert f"#{question.pk}" not in search.content.decode()


def test_an_unassigned_question_is_hidden_from_panel_members(client, member):
    question, _code = helpers.question()
    login(client, member)
    listing = client.get(reverse("admin:questions_question_changelist"))
    assert listing.status_code == 200
    assert f"#{question.pk}" not in listing.content.decode()
    assert client.get(change_url(question)).status_code == 302


def test_panel_members_cannot_screen_or_assign_even_their_own(client, moderator, member):
    question, _code = helpers.question()
    login(client, moderator)
    admin_step(client, question, "accept")
    admin_step(client, question, "assign", assign_to=str(member.panel_member.pk))
    client.logout()
    login(client, member)
    response = admin_step(client, question, "reject_spam")
    question.refresh_from_db()
    assert question.status == S.ASSIGNED
    assert nb("Only a moderator can do this.") in messages_of(response)


def test_rejection_gives_the_asker_a_standard_reply(client, moderator):
    question, code = helpers.question()
    login(client, moderator)
    admin_step(client, question, "reject_out_of_scope")
    question.refresh_from_db()
    assert question.status == S.REJECTED and question.rejection_reason == "out_of_scope"
    client.logout()
    content = read_answer(client, code).content.decode()
    assert "outside what the panel can answer" in content
    assert "Ask a follow-up question" not in content


def test_bulk_rejection_as_spam(client, moderator):
    spam = [
        helpers.question(text=f"Kjøp billige klokker her nå nå nå nummer {n}")[0] for n in range(3)
    ]
    login(client, moderator)
    response = client.post(
        reverse("admin:questions_question_changelist"),
        {
            "action": "reject_spam_selected",
            "_selected_action": [q.pk for q in spam],
        },
        follow=True,
    )
    assert nb("%(count)d question rejected.", "%(count)d questions rejected.", 3) % {
        "count": 3
    } in messages_of(response)
    assert set(Question.objects.values_list("status", flat=True)) == {S.REJECTED}


def test_the_writer_cannot_be_the_second_reader(client, moderator, second_moderator):
    question, _code = helpers.question()
    login(client, moderator)
    admin_step(client, question, "accept")
    admin_step(client, question, "assign", assign_to=str(moderator.panel_member.pk))
    admin_step(client, question, "submit_draft", answer="Et svar fra moderatoren selv.")
    response = admin_step(client, question, "approve")
    question.refresh_from_db()
    assert question.status == S.DRAFTED
    assert nb("A second reader must approve the answer: not the one who wrote it.") in messages_of(
        response
    )
    client.logout()
    login(client, second_moderator)
    admin_step(client, question, "approve")
    question.refresh_from_db()
    assert question.status == S.APPROVED


def test_a_draft_can_be_sent_back_for_revision(client, moderator, member):
    question, _code = helpers.question()
    login(client, moderator)
    admin_step(client, question, "accept")
    admin_step(client, question, "assign", assign_to=str(member.panel_member.pk))
    client.force_login(member)
    admin_step(client, question, "submit_draft", answer="Første utkast.")
    client.force_login(moderator)
    admin_step(client, question, "return_draft")
    question.refresh_from_db()
    assert question.status == S.ASSIGNED and question.answer == "Første utkast."


@override_settings(QUESTIONS_REQUIRE_SECOND_READER=False)
def test_without_a_second_reader_the_panel_member_sends_directly(client, moderator, member):
    question, code = helpers.question()
    login(client, moderator)
    admin_step(client, question, "accept")
    admin_step(client, question, "assign", assign_to=str(member.panel_member.pk))
    client.force_login(member)
    page = client.get(change_url(question))
    names = [button["name"] for button in page.context["workflow_actions"]]
    assert "send_answer" in names and "submit_draft" not in names
    admin_step(client, question, "send_answer", answer="Svaret, rett til den som spurte.")
    question.refresh_from_db()
    assert question.status == S.ANSWERED


def test_no_consent_means_no_publishing(client, moderator, member):
    question, _code = helpers.question(consent_to_publish=False)
    _answer(client, question, moderator, member)
    client.force_login(moderator)
    page = client.get(change_url(question))
    assert "publish" not in [button["name"] for button in page.context["workflow_actions"]]
    assert "public_title_nb" not in page.context["adminform"].form.fields
    response = admin_step(client, question, "publish")
    question.refresh_from_db()
    assert question.status == S.ANSWERED
    assert nb("The asker did not agree to publication.") in messages_of(response)


def test_follow_up_and_internal_notes(
    client, moderator, member, django_capture_on_commit_callbacks
):
    question, code = helpers.question()
    _answer(client, question, moderator, member)
    client.logout()
    mail.outbox.clear()

    # The asker asks one follow-up; the panel member is told, without its text.
    followup_text = "Takk. Hva om han blir sint når jeg sier fra om dette?"
    with django_capture_on_commit_callbacks(execute=True):
        response = read_answer(client, code, action="followup", text=followup_text)
    assert response.status_code == 200
    assert "Your follow-up question has been sent" in response.content.decode()
    assert len(mail.outbox) == 1 and followup_text not in mail.outbox[0].body
    second = read_answer(client, code, action="followup", text="Et spørsmål til, er det lov?")
    assert second.status_code == 400
    assert "already asked your follow-up question" in second.content.decode()

    # The panel member answers it and writes an internal note in the admin.
    client.force_login(member)
    listing = client.get(reverse("admin:questions_question_changelist"), {"followup": "waiting"})
    assert f"#{question.pk}" in listing.content.decode()
    followup_answer = "Hvis du er redd for hvordan han reagerer, kan krisesenteret hjelpe deg."
    admin_step(
        client,
        question,
        **{"followup-0-answer": followup_answer, "notes-0-text": "Vurder å tilby krisesenter."},
    )
    question.followup.refresh_from_db()
    assert question.followup.answer == followup_answer
    assert question.followup.answered_by == member
    note = InternalNote.objects.get(question=question)
    assert note.author == member and note.text == "Vurder å tilby krisesenter."

    # The asker reads the follow-up answer; the note stays internal.
    client.logout()
    content = read_answer(client, code).content.decode()
    assert followup_text in content and followup_answer in content
    assert "Vurder å tilby krisesenter." not in content
    assert "Ask a follow-up question" not in content


def test_urgent_flag_is_logged_and_listed_first(client, moderator):
    calm, _ = helpers.question()
    urgent, _ = helpers.question(text="Han truer med å komme hit i kveld. Hva gjør jeg nå?")
    login(client, moderator)
    admin_step(client, urgent, "mark_urgent")
    urgent.refresh_from_db()
    assert urgent.is_urgent
    assert StatusChange.objects.filter(
        question=urgent, detail="marked urgent", by=moderator
    ).exists()
    listing = client.get(reverse("admin:questions_question_changelist"))
    content = listing.content.decode()
    assert content.index(f"#{urgent.pk}") < content.index(f"#{calm.pk}")
    assert nb("URGENT") in content


def test_the_list_shows_and_filters_who_asked(client, moderator):
    relative, _code = helpers.question(asker_group=helpers.group("parorende"))
    other, _code = helpers.question(asker_group=None)
    login(client, moderator)
    changelist = reverse("admin:questions_question_changelist")
    listing = client.get(changelist).content.decode()
    assert "Pårørende og bekymret" in listing and nb("Other") in listing
    by_group = client.get(changelist, {"asker_group": "parorende"}).content.decode()
    assert f">#{relative.pk}<" in by_group and f">#{other.pk}<" not in by_group
    by_others = client.get(changelist, {"asker_group": "other"}).content.decode()
    assert f">#{other.pk}<" in by_others and f">#{relative.pk}<" not in by_others


def test_a_get_never_changes_anything(client, moderator):
    question, _code = helpers.question()
    login(client, moderator)
    client.get(change_url(question), {"_transition": "accept"})
    question.refresh_from_db()
    assert question.status == S.RECEIVED


def test_overdue_questions_are_shown(client, moderator):
    import datetime as dt

    from django.utils import timezone

    question, _code = helpers.question()
    Question.objects.filter(pk=question.pk).update(
        received_at=timezone.now() - dt.timedelta(days=9)
    )
    login(client, moderator)
    listing = client.get(reverse("admin:questions_question_changelist"), {"answer_time": "overdue"})
    content = listing.content.decode()
    assert f"#{question.pk}" in content and nb("overdue") in content


def test_the_answer_code_is_never_shown_in_the_admin(client, moderator):
    question, code = helpers.question()
    login(client, moderator)
    content = client.get(change_url(question)).content.decode()
    assert code not in content and question.code_hash not in content


def test_statistics_for_editors_but_not_panel_members(client, member):
    from tests import factories

    helpers.question()
    url = reverse("admin:questions_questionstatistics_changelist")
    client.force_login(factories.editor())
    page = client.get(url)
    assert page.status_code == 200
    assert nb("Questions received") in page.content.decode()
    client.force_login(member)
    assert client.get(url).status_code == 403


def _answer(client, question, moderator, member):
    client.force_login(moderator)
    admin_step(client, question, "accept")
    admin_step(client, question, "assign", assign_to=str(member.panel_member.pk))
    client.force_login(member)
    admin_step(client, question, "submit_draft", answer="Det finnes hjelp. Ring 116 006.")
    client.force_login(moderator)
    admin_step(client, question, "approve")
    admin_step(client, question, "send_answer")
    question.refresh_from_db()
    assert question.status == S.ANSWERED
