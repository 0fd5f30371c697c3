"""Writes of the shared base: page feedback."""

import re

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .models import PageFeedback

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
_PHONE = re.compile(r"(?<!\w)(\+?\d[\d \-.]{6,}\d)(?!\w)")
REMOVED = "[…]"


def scrub_comment(comment):
    return _PHONE.sub(REMOVED, _EMAIL.sub(REMOVED, comment)).strip()


@transaction.atomic
def page_feedback_submit(*, path, language, helpful, comment=""):
    """Store one anonymous answer. The same comment on the same page on the same day is
    stored once (a double click or a reload), since nothing else tells two answers apart."""
    comment = scrub_comment(comment)
    feedback = PageFeedback(
        path=path, language=language or settings.LANGUAGE_CODE, helpful=helpful, comment=comment,
        created_date=timezone.localdate(),
    )
    feedback.full_clean()
    if comment:
        duplicate = PageFeedback.objects.filter(
            path=path, language=feedback.language, helpful=helpful, comment=comment,
            created_date=feedback.created_date,
        ).first()
        if duplicate is not None:
            return duplicate
    feedback.save()
    return feedback
