"""Writes of the shared base: page feedback, and ending staff sessions and second factors."""

import re
from importlib import import_module

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.models import Session
from django.db import transaction
from django.utils import timezone
from django_otp import devices_for_user

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
        path=path,
        language=language or settings.LANGUAGE_CODE,
        helpful=helpful,
        comment=comment,
        created_date=timezone.localdate(),
    )
    feedback.full_clean()
    if comment:
        duplicate = PageFeedback.objects.filter(
            path=path,
            language=feedback.language,
            helpful=helpful,
            comment=comment,
            created_date=feedback.created_date,
        ).first()
        if duplicate is not None:
            return duplicate
    feedback.save()
    return feedback


def staff_sessions_end(*, user):
    """Log `user` out everywhere: delete each of their sessions, the row and the copy every app
    server reads from the cache (the session engine is db or cached_db). Only staff have
    sessions, so there are few to look through. Returns how many were ended."""
    engine = import_module(settings.SESSION_ENGINE)
    ended = 0
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if session.get_decoded().get(SESSION_KEY) == str(user.pk):
            engine.SessionStore(session_key=session.session_key).delete()
            ended += 1
    return ended


def staff_second_factor_reset(*, user):
    """For a lost or replaced phone: remove the user's authenticator and backup codes and end
    their sessions, so that nobody stays logged in with the old ones. At their next login
    they set up a new device. Returns how many devices were removed."""
    with transaction.atomic():
        devices = list(devices_for_user(user, confirmed=None))
        for device in devices:
            device.delete()
    staff_sessions_end(user=user)
    return len(devices)
