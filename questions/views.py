"""The asker's pages and the published questions.

The asking and reading pages leave nothing behind on the asker's device or in the server's
records: no cookie (not even the CSRF cookie, see `asker_page`), no session, responses
marked no-store, the answer code only in POST bodies (never in a URL), and the draft of a
question searched for similar ones without being stored or logged.
"""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.core.paginator import Paginator
from django.http import Http404, HttpResponsePermanentRedirect, JsonResponse
from django.shortcuts import render
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.generic import DetailView

from core import page_cache
from core.views import cookieless_form, problem_page

from . import throttle
from .forms import (
    AskForm,
    FeedbackForm,
    FollowUpForm,
    PublishedFilterForm,
    ReadForm,
    SimilarForm,
    new_form_token,
    use_form_token,
    valid_or_new_form_token,
)
from .models import OTHER_ASKERS, RENAMED_TOPIC_SLUGS, FollowUp, Question
from .selectors import published_questions, question_for_code, search_published_questions
from .services import (
    answer_mark_read,
    feedback_submit,
    followup_submit,
    question_submit,
)
from .workflow import TransitionNotAllowed

PAGE_SIZE = 10
SIMILAR_LIMIT = 5


# --- What every asker page shares -----------------------------------------------------------


PROBLEM_TEMPLATE = "questions/problem.html"


def _read_only(request):
    """405 for a published question or their list asked for with anything but GET."""
    return problem_page(
        request,
        PROBLEM_TEMPLATE,
        title=_("This page cannot be used like that"),
        message=_("This page can only be read."),
        status=405,
        allow=["GET", "HEAD"],
    )


def asker_page(methods):
    """The asker's pages: only `methods`, never cached, and no cookie, not even the CSRF
    cookie: the asker must be able to ask and read with cookies off and leave no trace on
    the device. Reading or changing a thread needs its answer code, which another site
    does not have."""
    return cookieless_form(
        methods=methods,
        problem_template=PROBLEM_TEMPLATE,
        cross_site_message=gettext_lazy(
            "For your safety, questions and answer codes are only accepted from this "
            "website's own pages. Open the page again and send the form from there."
        ),
    )


def _post_data(request):
    """The POST data, or None if it is larger than the site accepts."""
    try:
        return request.POST
    except (RequestDataTooBig, TooManyFieldsSent):
        return None


def _too_large(request, template, context):
    context.update(too_large=True)
    return render(request, template, context, status=413)


# --- Asking ---------------------------------------------------------------------------------


def _ask_context(form, *, token, similar=None, searched=False, notice=""):
    return {
        "form": form,
        "started_token": token,
        "similar": similar or [],
        "searched": searched,
        "notice": notice,
        "answer_days": settings.QUESTIONS_ANSWER_DAYS,
    }


@asker_page(["GET", "HEAD", "POST"])
def ask(request):
    """Ask a question. 'Check for similar questions' shows published answers to similar
    questions first; 'Send' stores the question and shows the answer code, once."""
    template = "questions/ask.html"
    if request.method != "POST":
        return render(request, template, _ask_context(AskForm(), token=new_form_token()))
    data = _post_data(request)
    if data is None:
        return _too_large(request, template, _ask_context(AskForm(), token=new_form_token()))
    token = valid_or_new_form_token(data.get("started", ""))

    if data.get("action") == "similar":
        return _ask_similar(request, data, token)

    form = AskForm(data)
    limit = throttle.ask_limit()
    if limit.exceeded(request):
        form.is_valid()
        return _too_many_questions(request, form, token)
    if not form.is_valid():
        if form.has_error("__all__", "honeypot"):
            limit.hit(request)
        return render(request, template, _ask_context(form, token=token), status=400)
    if not limit.hit(request):  # decided on this request's own count: no race
        return _too_many_questions(request, form, token)
    if not use_form_token(data["started"]):
        form.add_error(
            None,
            _(
                "This question has already been sent. The answer code was shown "
                "only once: if you did not write it down, press Send again and "
                "you will get a new code."
            ),
        )
        return render(request, template, _ask_context(form, token=new_form_token()), status=400)
    cleaned = form.cleaned_data
    question, code = question_submit(
        text=cleaned["text"],
        topic=cleaned["topic"],
        asker_group=cleaned["asker_group"],
        age_group=cleaned["age_group"],
        consent_to_publish=cleaned["consent_to_publish"],
        language=get_language() or "",
    )
    return render(request, "questions/ask_done.html", {"question": question, "code": code})


def _too_many_questions(request, form, token):
    """The ask form again, with what was typed, and where to get help now."""
    form.add_error(
        None,
        _(
            "Many questions have been sent from your connection in a short "
            "time. Please wait an hour and send it again. If you need help "
            "now, call 116 006, or 112 in an emergency."
        ),
    )
    return render(request, "questions/ask.html", _ask_context(form, token=token), status=429)


def _ask_similar(request, data, token):
    fields = ["text", "topic", "asker_group", "age_group", "consent_to_publish"]
    form = AskForm(initial={name: data.get(name) for name in fields})
    similar_form = SimilarForm(data)
    context = _ask_context(form, token=token, searched=True)
    context["similar_form"] = similar_form
    if not throttle.search_limit().hit(request):
        context["notice"] = _(
            "Too many searches from your connection. Wait a while, or send "
            "your question without searching."
        )
        return render(request, "questions/ask.html", context, status=429)
    if similar_form.is_valid():
        context["similar"] = search_published_questions(
            similar_form.cleaned_data["text"], language=get_language(), limit=SIMILAR_LIMIT
        )
        return render(request, "questions/ask.html", context)
    return render(request, "questions/ask.html", context, status=400)


@asker_page(["POST"])
def similar(request):
    """For the ask page's script: published questions similar to the draft, as JSON. The
    draft comes in the POST body, so it is in no URL or log, and it is not stored."""
    data = _post_data(request)
    if data is None:
        return JsonResponse({"errors": {"text": [_("The text is too long.")]}}, status=413)
    if not throttle.search_limit().hit(request):
        return JsonResponse(
            {"errors": {"__all__": [_("Too many searches. Wait a while.")]}}, status=429
        )
    form = SimilarForm(data)
    if not form.is_valid():
        errors = {name: [str(error) for error in errors] for name, errors in form.errors.items()}
        return JsonResponse({"errors": errors}, status=400)
    found = search_published_questions(
        form.cleaned_data["text"], language=get_language(), limit=SIMILAR_LIMIT
    )
    return JsonResponse(
        {
            "results": [
                {
                    "title": question.public_title,
                    "url": question.get_absolute_url(),
                    "topic": question.topic.name,
                }
                for question in found
            ]
        }
    )


# --- Reading the answer ---------------------------------------------------------------------

READ_ACTIONS = {"read", "feedback", "followup"}


@asker_page(["GET", "HEAD", "POST"])
def read_answer(request):
    """Read the answer with the code. The code travels only in POST bodies; the thread is
    shown in the response to that POST, and its forms carry the code in a hidden field."""
    template = "questions/read.html"
    if request.method != "POST":
        return render(request, template, {"form": ReadForm()})
    data = _post_data(request)
    if data is None:
        return _too_large(request, template, {"form": ReadForm()})
    action = data.get("action", "read")
    if action not in READ_ACTIONS:
        action = "read"
    form = ReadForm({"code": data.get("code", "")})
    if not form.is_valid():
        return render(request, template, {"form": form}, status=400)
    code = form.cleaned_data["code"]
    # A right code is always read, also from a connection that has used up its tries (a
    # shelter's Wi-Fi): only wrong codes are counted and refused.
    question = question_for_code(code)
    if question is None:
        if not throttle.code_limit().hit(request):
            form.add_error(
                "code",
                _(
                    "There have been too many attempts with wrong codes from "
                    "your connection. For the safety of everyone who asks, "
                    "wait an hour and try again."
                ),
            )
            return render(request, template, {"form": form}, status=429)
        form.add_error(
            "code",
            _("We found no answer for this code. Check that you wrote it exactly as you got it."),
        )
        return render(request, template, {"form": form}, status=400)

    context = {"question": question, "code": code}
    status = 200
    if action == "feedback":
        status = _handle_feedback(question, data, code, context)
    elif action == "followup":
        status = _handle_followup(question, data, code, context)
    if question.has_answer_for_asker:
        answer_mark_read(question=question)
    context.setdefault("feedback_form", FeedbackForm(initial={"code": code}))
    context.setdefault("followup_form", FollowUpForm(initial={"code": code}))
    context["followup"] = FollowUp.objects.filter(question=question).first()
    context["feedback"] = getattr(question, "feedback", None)
    return render(request, "questions/answer.html", context, status=status)


def _handle_feedback(question, data, code, context):
    form = FeedbackForm({**data.dict(), "code": code})
    if not form.is_valid():
        context["feedback_form"] = form
        return 400
    try:
        feedback_submit(
            question=question,
            helpful=form.cleaned_data["helpful"],
            comment=form.cleaned_data["comment"],
        )
    except TransitionNotAllowed as error:
        context["notice"] = error.message
        return 400
    question.refresh_from_db()
    context["notice"] = _("Thank you for telling us. It helps the panel.")
    return 200


def _handle_followup(question, data, code, context):
    form = FollowUpForm({**data.dict(), "code": code})
    if not form.is_valid():
        context["followup_form"] = form
        return 400
    try:
        followup_submit(question=question, text=form.cleaned_data["text"])
    except TransitionNotAllowed as error:
        context["notice"] = error.message
        context["followup_form"] = form
        return 400
    context["notice"] = _(
        "Your follow-up question has been sent. Read the answer here with the same code."
    )
    return 200


# --- Published questions --------------------------------------------------------------------


@page_cache.shared_page(parameters=["topic", "group", "page"])
def published_list(request):
    """The published questions, by topic and by who asked, with a search box."""
    if request.method not in ("GET", "HEAD"):
        return _read_only(request)
    if request.GET.get("topic") in RENAMED_TOPIC_SLUGS:
        query = request.GET.copy()
        query["topic"] = RENAMED_TOPIC_SLUGS[query["topic"]]
        return HttpResponsePermanentRedirect(f"{request.path}?{query.urlencode()}")
    form = PublishedFilterForm(request.GET or None)
    questions = published_questions()
    query = ""
    if form.is_bound:
        form.is_valid()
        cleaned = getattr(form, "cleaned_data", {})
        if cleaned.get("topic"):
            questions = questions.filter(topic=cleaned["topic"])
        group = cleaned.get("group")
        if group == OTHER_ASKERS:
            questions = questions.filter(asker_group__isnull=True)
        elif group:
            questions = questions.filter(asker_group=group)
        query = cleaned.get("q", "")
    if query:
        questions = search_published_questions(
            query, language=get_language(), limit=200, queryset=questions
        )
    page = Paginator(questions, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "questions/list.html",
        {
            "form": form,
            "page_obj": page,
            "query": query,
            "topics": form.fields["topic"].queryset,
        },
        status=400 if form.is_bound and form.errors else 200,
    )


@page_cache.shared_page()
class PublishedDetailView(DetailView):
    template_name = "questions/detail.html"
    context_object_name = "question"
    slug_field = "public_slug"
    http_method_names = ["get", "head"]

    def get_queryset(self):
        return published_questions().select_related("asker_group")

    def get_object(self, queryset=None):
        try:
            return super().get_object(queryset)
        except Question.MultipleObjectsReturned:  # pragma: no cover - slugs are unique
            raise Http404 from None

    def http_method_not_allowed(self, request, *args, **kwargs):
        return _read_only(request)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["related"] = (
            published_questions().filter(topic=self.object.topic).exclude(pk=self.object.pk)[:3]
        )
        return context
