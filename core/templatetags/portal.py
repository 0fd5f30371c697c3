from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.utils.html import escape, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_info
from modeltranslation.utils import build_localized_fieldname

from core import page_cache
from core.forms import FEEDBACK_PARAMETER, FEEDBACK_THANKS_VALUE, PageFeedbackForm
from core.i18n import language_attributes, path_in_language

register = template.Library()


def _language_links(request):
    """Made once per request: the switcher and the alternates in <head> both use them."""
    current = get_language()
    cached = getattr(request, "_language_links", None)
    if cached is not None and cached[0] == current:
        return cached[1]
    path = request.get_full_path()
    links = []
    for code, _name in settings.LANGUAGES:
        info = get_language_info(code)
        links.append(
            {
                "code": code,
                "name_local": info["name_local"],
                "bidi": info["bidi"],
                "url": path_in_language(path, code),
                "is_current": code == current,
            }
        )
    request._language_links = (current, links)
    return links


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to this same page in every language: no form, no cookie, works without JS."""
    request = context["request"]
    current = get_language_info(get_language())
    return {"languages": _language_links(request), "current": current}


@register.inclusion_tag("includes/language_alternates.html", takes_context=True)
def language_alternates(context):
    request = context["request"]
    links = [
        {"code": link["code"], "url": request.build_absolute_uri(link["url"])}
        for link in _language_links(request)
    ]
    default = next(link for link in links if link["code"] == settings.LANGUAGE_CODE)
    return {"languages": links, "default": default}


@register.filter
def html_attrs(attributes):
    """Render a dict as HTML attributes, escaped."""
    return format_html_join(" ", '{}="{}"', attributes.items())


# Stands for the page's address in the feedback form made once per language.
_PAGE_PLACEHOLDER = "__feedback_page__"


@register.simple_tag(takes_context=True)
def page_feedback(context):
    """ "Did you find what you were looking for?" for the current page, or the thank-you
    after an answer. A plain form with no CSRF token, so no cookie (see PageFeedbackView).
    The form is the same on every page but for the page's address: it is made once per
    language (and content generation) in each process, and the address put in."""
    request = context["request"]
    query = request.GET.copy()
    thanked = query.pop(FEEDBACK_PARAMETER, None) == [FEEDBACK_THANKS_VALUE]
    if thanked:
        return render_to_string("includes/page_feedback_form.html", {"thanked": True})
    page = request.path + (f"?{query.urlencode()}" if query else "")
    form_html = page_cache.per_generation(
        ("page-feedback-form", get_language()),
        lambda: render_to_string(
            "includes/page_feedback_form.html",
            {"form": PageFeedbackForm(initial={"page": _PAGE_PLACEHOLDER}), "thanked": False},
        ),
    )
    return mark_safe(form_html.replace(_PAGE_PLACEHOLDER, escape(page)))  # noqa: S308


@register.simple_tag
def shown_in(instance, field):
    """` lang="nb"` (and `dir`, where it differs from the page's) on a translated name or text
    that has no translation in the page's language and so is shown in bokmål: a screen
    reader then reads it with the right voice (WCAG 3.1.2). Empty when it is translated."""
    language = get_language() or settings.LANGUAGE_CODE
    if getattr(instance, build_localized_fieldname(field, language), None):
        return ""
    return language_attributes(settings.LANGUAGE_CODE)
