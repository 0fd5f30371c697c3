import functools

from django.conf import settings
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import translate_url
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import FormView

from .forms import FEEDBACK_PARAMETER, FEEDBACK_THANKS_VALUE, PageFeedbackForm
from .network import is_cross_site
from .ratelimit import RateLimit
from .services import page_feedback_submit


def feedback_limit():
    return RateLimit(
        "feedback", settings.FEEDBACK_LIMIT_PER_HOUR, settings.FEEDBACK_CEILING_PER_HOUR
    )


# No CSRF token: the form is on every page, and a token would set a cookie on every page.
# The endpoint only stores an anonymous yes/no and a short comment, has no session effect,
# validates strictly and has a honeypot; a forged answer costs as little as a real one.
# See docs/decisions/0005-page-feedback-without-csrf-cookie.md.
@method_decorator(csrf_exempt, name="dispatch")
class PageFeedbackView(FormView):
    """Receives the feedback form of any page and sends the reader back to it with a
    thank-you. An invalid answer is shown again here, with what was typed kept."""

    template_name = "core/feedback.html"
    form_class = PageFeedbackForm
    http_method_names = ["post"]

    def form_valid(self, form):
        if not feedback_limit().hit(self.request):
            form.add_error(
                None,
                _(
                    "Many answers have come from your connection in a short "
                    "time. Thank you: please try again later."
                ),
            )
            return self.render_to_response(self.get_context_data(form=form), status=429)
        page_feedback_submit(
            path=translate_url(form.page_path, settings.LANGUAGE_CODE),
            language=get_language(),
            helpful=form.is_helpful,
            comment=form.cleaned_data["comment"],
        )
        return HttpResponseRedirect(self._back_url(form.cleaned_data["page"]))

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)

    def _back_url(self, page):
        if not url_has_allowed_host_and_scheme(page, allowed_hosts=None):
            page = "/"
        page = page.split("#", 1)[0]
        separator = "&" if "?" in page else "?"
        return f"{page}{separator}{FEEDBACK_PARAMETER}={FEEDBACK_THANKS_VALUE}#tilbakemelding"


def problem_page(request, template, *, title, message, status, allow=None):
    """A refusal on an app's own page (`template` shows `title` and `message`), with the
    methods allowed named in Allow where that is the problem."""
    response = render(request, template, {"title": title, "message": message}, status=status)
    if allow:
        response["Allow"] = ", ".join(allow)
    return response


def cookieless_form(*, methods, problem_template, cross_site_message):
    """A page with a form that must leave no cookie (an asker's question, an order): only
    `methods`, never cached, exempt from Django's CSRF check (which needs a cookie), and a
    POST the browser says came from another site refused. There is no session or account
    for a forged request to borrow. A refusal is shown on `problem_template`."""
    allowed = [method.upper() for method in methods]

    def decorator(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.method not in allowed:
                return problem_page(
                    request,
                    problem_template,
                    title=_("This page cannot be used like that"),
                    message=_(
                        "The page was asked for in a way it does not support. Go back "
                        "and use the form on the page."
                    ),
                    status=405,
                    allow=allowed,
                )
            if request.method == "POST" and is_cross_site(request):
                return problem_page(
                    request,
                    problem_template,
                    title=_("The form was sent from another website"),
                    message=cross_site_message,
                    status=403,
                )
            return view(request, *args, **kwargs)

        return csrf_exempt(never_cache(wrapper))

    return decorator
