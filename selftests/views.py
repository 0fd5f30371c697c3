"""The self-tests: a list, and each test on one page whose answers come back by POST.

The answers leave nothing behind: they travel only in the POST body (never in a URL, so
not in the history, a log or a Referer), the result is the response to that POST (no
redirect), marked no-store, and the pages set no cookie at all, not even Django's CSRF
cookie. So the POST is exempt from the CSRF check, which needs one; a POST the browser
marks as sent from another site is refused instead, as the asker's pages do. Nothing
about the answers is stored, counted or logged (docs/decisions/0016-self-tests.md).
"""

from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.http import HttpResponseNotAllowed
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.views.decorators.csrf import csrf_exempt

from core.network import is_cross_site
from core.page_cache import shared_page

from .scoring import Answer, read_answers, score
from .selectors import next_steps, published_selftests, selftest_with_statements


@shared_page()
def selftest_list(request):
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    return render(request, "selftests/list.html", {"selftests": published_selftests()})


# The GET page is the same for everyone and kept (a query string, answers in it or not, is
# never read, and a request with one is not kept). Only the POST is per visitor.
@shared_page()
@csrf_exempt
def selftest_page(request, slug):
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    selftest = selftest_with_statements(slug)
    statements = list(selftest.statements.all())
    if request.method != "POST":
        return _test_page(request, selftest, statements)
    if is_cross_site(request):
        response = render(request, "selftests/cross_site.html", {"selftest": selftest}, status=403)
        add_never_cache_headers(response)
        return response
    try:
        data = request.POST
    except (RequestDataTooBig, TooManyFieldsSent):
        response = _test_page(request, selftest, statements, too_large=True, status=413)
        add_never_cache_headers(response)
        return response
    result = score(read_answers(statements, data))
    response = render(
        request,
        "selftests/result.html",
        {
            "selftest": selftest,
            "result": result,
            "steps": next_steps(selftest=selftest, result=result),
            "answered": len(statements) - result.unanswered,
            "total": len(statements),
        },
    )
    add_never_cache_headers(response)
    return response


def _test_page(request, selftest, statements, *, too_large=False, status=200):
    return render(
        request,
        "selftests/detail.html",
        {
            "selftest": selftest,
            "statements": statements,
            "choices": Answer.CHOICES,
            "too_large": too_large,
        },
        status=status,
    )
