"""Whole pages for visitors, kept in the shared cache (docs/decisions/0011-page-cache.md).

A page is kept only when its view says it is the same for every visitor (`shared_page`),
the request carries no cookie but the CSRF one, its query string holds only the
parameters the view names, and the response sets no cookie and used no CSRF token. The
key is the page's address (scheme, host, path, sorted query) and language: nothing about
the visitor. Every key holds the current *generation*; a change to anything a public page
shows starts a new one (`changes_shown_on_pages`), so no page outlives the data it was
made from. A page that shows something that changes with the clock ("open now") says
until when it holds (`holds_until`).
"""

import contextvars
import hashlib
import logging
import secrets
import time
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.forms import Select
from django.http import HttpResponse
from django.urls import Resolver404, get_resolver
from django.utils import timezone
from django.utils.translation import get_language

from .availability import UNAVAILABLE_ERRORS, describe

logger = logging.getLogger("core.availability")

GENERATION_KEY = "page-cache:generation"
# After the cache failed, this process serves pages without it for a while, so that a
# cache that hangs costs one request its timeout, not every request.
PAUSE_AFTER_FAILURE_SECONDS = 10
_paused_until = [0.0]


def _pause(error):
    logger.warning("Page cache unavailable: %s", describe(error))
    _paused_until[0] = time.monotonic() + PAUSE_AFTER_FAILURE_SECONDS


@dataclass(frozen=True)
class SharedPage:
    parameters: frozenset


def shared_page(*, parameters=()):
    """Marks a view (function or class) whose GET page is the same for every visitor with
    the same address. `parameters` are the query parameters it may be kept with; a request
    with any other parameter is answered afresh and not kept."""
    policy = SharedPage(frozenset(parameters))

    def mark(view):
        view.shared_page = policy
        return view

    return mark


@dataclass
class _Rendering:
    """What a view told the cache while it made one page."""

    keep: bool = True
    holds_until: object = None  # an aware datetime
    on_hit: list = field(default_factory=list)
    generation: str | None = None  # asked of the cache once per request


_rendering = contextvars.ContextVar("page_cache_rendering", default=None)
_hit_actions = {}


def holds_until(moment):
    """The page being made shows something that may change at `moment` (e.g. "open now")."""
    rendering = _rendering.get()
    if rendering is not None and moment is not None:
        if rendering.holds_until is None or moment < rendering.holds_until:
            rendering.holds_until = moment


def do_not_keep():
    """The page being made must not be kept (it depends on this very moment, or on
    something the visitor typed that should not rest in the cache)."""
    rendering = _rendering.get()
    if rendering is not None:
        rendering.keep = False


def register_hit_action(name, action):
    """`action(request, *arguments)` runs on every hit of a page that asked for it with
    `repeat_on_hit(name, …)`: a kept page still counts what its view counts. The action
    must not use the database (a hit makes no query)."""
    _hit_actions[name] = action


def repeat_on_hit(name, *arguments):
    rendering = _rendering.get()
    if rendering is not None:
        rendering.on_hit.append((name, arguments))


# --- Invalidation ---------------------------------------------------------------------------

_shown = {}
_never_shown = set()


def changes_shown_on_pages(*models, unless=None):
    """A save or delete of these models (or a change of their many-to-many relations)
    starts a new generation of kept pages. `unless(instance, created)` names saves that no
    page shows (a visitor's new question, say)."""
    for model in models:
        _shown[model] = unless
        post_save.connect(_saved, sender=model, dispatch_uid=f"page-cache-save-{model._meta}")
        post_delete.connect(_deleted, sender=model, dispatch_uid=f"page-cache-del-{model._meta}")
        for many in model._meta.local_many_to_many:
            m2m_changed.connect(
                _relation_changed,
                sender=many.remote_field.through,
                dispatch_uid=f"page-cache-m2m-{model._meta}-{many.name}",
            )


def never_shown_on_pages(*models):
    """These models appear on no kept page (staff work, visitors' reports): saving them
    keeps the pages. Declared so that tests can prove every model was thought about."""
    _never_shown.update(models)


def shown_models():
    return set(_shown)


def never_shown_models():
    return set(_never_shown)


def _saved(sender, instance, created, **kwargs):
    unless = _shown.get(sender)
    if unless is not None and unless(instance, created):
        return
    content_changed()


def _deleted(sender, **kwargs):
    content_changed()


def _relation_changed(sender, action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear"):
        content_changed()


def content_changed():
    """Starts a new generation at once and again when the transaction commits: a page made
    between the two from data not yet committed is not kept past the commit."""
    _new_generation()
    transaction.on_commit(_new_generation)
    rendering = _rendering.get()
    if rendering is not None:
        rendering.generation = None


def _new_generation():
    try:
        cache.set(GENERATION_KEY, secrets.token_hex(6), None)
    except UNAVAILABLE_ERRORS as error:
        # The pages kept before still end within PAGE_CACHE_SECONDS.
        logger.warning("Page cache not renewed: %s", describe(error))


# --- Values that change only with the content ----------------------------------------------

_memo = {"generation": None, "values": {}}
MEMO_SIZE = 2000


def per_generation(key, compute):
    """`compute()`, made once per generation in this process and then reused: for what many
    pages show alike and only an editor changes (the national phone lines under every
    search). Without a cache to ask for the generation, or with the page cache turned off,
    it is computed each time."""
    if settings.PAGE_CACHE_SECONDS <= 0 or time.monotonic() < _paused_until[0]:
        return compute()
    try:
        generation = _current_generation()
    except UNAVAILABLE_ERRORS as error:
        _pause(error)
        return compute()
    if _memo["generation"] != generation:
        _memo["generation"], _memo["values"] = generation, {}
    values = _memo["values"]
    if key in values:
        return values[key]
    value = compute()
    if len(values) < MEMO_SIZE:  # keys may hold what visitors send: never unbounded
        values[key] = value
    return value


def _current_generation():
    """The generation, asked of the cache once per request."""
    rendering = _rendering.get()
    if rendering is not None and rendering.generation is not None:
        return rendering.generation
    generation = _generation()
    if rendering is not None:
        rendering.generation = generation
    return generation


def _generation():
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        generation = secrets.token_hex(6)
        if not cache.add(GENERATION_KEY, generation, None):
            generation = cache.get(GENERATION_KEY) or generation
    return generation


# --- The middleware -------------------------------------------------------------------------


def _policy(request):
    try:
        match = get_resolver(getattr(request, "urlconf", None)).resolve(request.path_info)
    except Resolver404:
        return None
    view = match.func
    policy = getattr(view, "shared_page", None) or getattr(
        getattr(view, "view_class", None), "shared_page", None
    )
    if policy is None or not request.GET.keys() <= policy.parameters:
        return None
    return policy


def _key(request, generation):
    query = urlencode(sorted(request.GET.lists()), doseq=True)
    address = f"{request.scheme}://{request.get_host()}{request.path}?{query}"
    digest = hashlib.sha256(f"{get_language()} {address}".encode()).hexdigest()
    return f"page:{generation}:{digest}"


def _has_visitor_cookies(request):
    return any(name != settings.CSRF_COOKIE_NAME for name in request.COOKIES)


def _keepable(request, response, rendering):
    cache_control = response.get("Cache-Control", "")
    return (
        rendering.keep
        and request.method == "GET"
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and "private" not in cache_control
        and "no-store" not in cache_control
    )


def _let_the_proxy_keep(response, ends, *, on_hit):
    """X-Accel-Expires: nginx may keep this page for PROXY_CACHE_SECONDS (deploy/nginx.conf),
    never past the end of the kept page. Not a page that counts its hits: nginx would answer
    without the app, and the count would be lost."""
    seconds = min(settings.PROXY_CACHE_SECONDS, int(ends - time.time()))
    if seconds >= 1 and not on_hit:
        response["X-Accel-Expires"] = str(seconds)


class PageCacheMiddleware:
    """After LocaleMiddleware (the language is known), before everything that reads
    sessions, users or CSRF tokens: a hit skips them and makes no database query."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        rendering = _Rendering()
        token = _rendering.set(rendering)
        try:
            return self._respond(request, rendering)
        finally:
            _rendering.reset(token)

    def _respond(self, request, rendering):
        if (
            settings.PAGE_CACHE_SECONDS <= 0
            or request.method not in ("GET", "HEAD")
            or time.monotonic() < _paused_until[0]
            or _has_visitor_cookies(request)
            or _policy(request) is None
        ):
            rendering.keep = False
            return self.get_response(request)
        try:
            key = _key(request, _current_generation())
            kept = cache.get(key)
        except UNAVAILABLE_ERRORS as error:
            _pause(error)
            rendering.keep = False
            return self.get_response(request)
        if kept is not None:
            response = self._replay(request, kept)
            _let_the_proxy_keep(response, kept[4], on_hit=kept[3])
            return response

        response = self.get_response(request)
        if _keepable(request, response, rendering):
            kept = self._keep(key, response, rendering)
            if kept is not None:
                _let_the_proxy_keep(response, kept[4], on_hit=rendering.on_hit)
        return response

    def _keep(self, key, response, rendering):
        timeout = settings.PAGE_CACHE_SECONDS
        if rendering.holds_until is not None:
            timeout = min(timeout, int((rendering.holds_until - timezone.now()).total_seconds()))
        if timeout <= 0:
            return None
        kept = (
            response.status_code,
            list(response.items()),
            response.content,
            rendering.on_hit,
            time.time() + timeout,  # when it ends
        )
        try:
            cache.set(key, kept, timeout)
        except UNAVAILABLE_ERRORS as error:
            _pause(error)
            return None
        return kept

    def _replay(self, request, kept):
        status, headers, content, on_hit, _ends = kept
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response[name] = value
        for name, arguments in on_hit:
            action = _hit_actions.get(name)
            if action is not None:
                action(request, *arguments)
        return response


class SharedSelect(Select):
    """A select whose options are the same for every visitor (the kinds of help, say):
    its HTML is made once per generation, language, chosen value and attributes in each
    process, instead of one template per option on every page. `shared_as` names the
    options: two selects with the same name show the same options."""

    def __init__(self, *, shared_as, **kwargs):
        super().__init__(**kwargs)
        self.shared_as = shared_as

    def render(self, name, value, attrs=None, renderer=None):
        key = (
            "select",
            self.shared_as,
            name,
            str(value),
            get_language(),
            tuple(sorted({**self.attrs, **(attrs or {})}.items())),
        )

        def render():
            return super(SharedSelect, self).render(name, value, attrs, renderer)

        return per_generation(key, render)
