"""The catalogue of information material, and the order form.

The order form takes no CSRF cookie, like the asker's forms (questions/views.py): it has
no session or account for a forged request to borrow, so another site's forged order is
worth no more than one sent directly, and the professionals who order may be on a phone
that others see. A POST that the browser says came from another site is refused
(core.network.is_cross_site). Why: docs/decisions/0017-information-material.md."""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.shortcuts import redirect, render
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.generic import ListView, TemplateView

from core import page_cache
from core.ratelimit import RateLimit
from core.views import cookieless_form

from .forms import OrderForm
from .selectors import catalogue, order_offer
from .services import OrderNotPossible, order_submit


@page_cache.shared_page()
class CatalogueView(ListView):
    """Every material: its kind, its languages and whether it is on the shelf."""

    template_name = "materials/catalogue.html"
    context_object_name = "materials"
    http_method_names = ["get", "head"]

    def get_queryset(self):
        return catalogue()


@page_cache.shared_page()
class ThanksView(TemplateView):
    """After an order: the same page for everyone (nothing about the order in its URL)."""

    template_name = "materials/thanks.html"
    http_method_names = ["get", "head"]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            retention_days=settings.MATERIAL_ORDER_RETENTION_DAYS, **kwargs
        )


def order_limit():
    return RateLimit(
        "material-order",
        settings.MATERIAL_ORDER_LIMIT_PER_HOUR,
        settings.MATERIAL_ORDER_CEILING_PER_HOUR,
    )


# The order form: GET, HEAD and POST only, never cached, no cookie (see the docstring above).
order_page = cookieless_form(
    methods=["GET", "HEAD", "POST"],
    problem_template="materials/problem.html",
    cross_site_message=gettext_lazy(
        "Orders are only accepted from this website's own order page. Open the page again "
        "and send the form from there."
    ),
)


def _context(form, **extra):
    return {
        "form": form,
        "retention_days": settings.MATERIAL_ORDER_RETENTION_DAYS,
        **extra,
    }


@order_page
def order(request):
    """The order form. A form sent back keeps everything typed; a good one is stored and
    answered with a redirect to the thank-you page (so a reload does not order again)."""
    template = "materials/order.html"
    offer = order_offer()
    if request.method != "POST":
        return render(request, template, _context(OrderForm(offer=offer)))
    try:
        data = request.POST
    except (RequestDataTooBig, TooManyFieldsSent):
        return render(
            request, template, _context(OrderForm(offer=offer), too_large=True), status=413
        )
    form = OrderForm(data, offer=offer)
    limit = order_limit()
    if limit.exceeded(request):
        form.is_valid()
        return _too_many(request, form)
    if not form.is_valid():
        if form.has_error("__all__", "honeypot"):
            limit.hit(request)
        return render(request, template, _context(form), status=400)
    if not limit.hit(request):  # decided on this request's own count: no race
        return _too_many(request, form)
    cleaned = form.cleaned_data
    try:
        order_submit(
            organisation=cleaned["organisation"],
            contact_name=cleaned["contact_name"],
            email=cleaned["email"],
            phone=cleaned["phone"],
            address=cleaned["address"],
            postcode=cleaned["postcode"],
            place=cleaned["place"],
            note=cleaned["note"],
            lines=form.lines(),
            language=get_language() or "",
        )
    except OrderNotPossible as error:
        # Someone else took the last copies meanwhile: the form again, with today's stock.
        form = OrderForm(data, offer=order_offer())
        form.is_valid()
        form.add_error(None, error.message)
        return render(request, template, _context(form), status=409)
    return redirect("materials:thanks")


def _too_many(request, form):
    form.add_error(
        None,
        _(
            "Many orders have been sent from your connection in a short time. Please wait "
            "an hour and send it again."
        ),
    )
    return render(request, "materials/order.html", _context(form), status=429)
