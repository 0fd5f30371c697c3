"""Staff notifications by e-mail, sent once the change they tell of is committed."""

import logging

from django.core.mail import send_mail
from django.db import transaction

logger = logging.getLogger(__name__)


def send_after_commit(subject, body, recipients, *, about):
    """Send when the current transaction commits; a mail server problem is logged (with
    `about`, e.g. "question 12") and never undoes the work the mail tells of."""

    def send():
        try:
            send_mail(str(subject), body, None, list(recipients))
        except Exception:
            logger.exception("Could not send the notification of %s", about)

    transaction.on_commit(send)
