"""Answer codes: the asker's only key to the answer.

A code is 16 characters from an alphabet without look-alikes (no 0/O, 1/I/L), written in
four groups of four: ``K7QM-XW3D-P9TR-2HNB``. 31 symbols ** 16 is about 2 ** 79, drawn with
`secrets`. Only a keyed hash (HMAC-SHA256 on the secret key) is stored, so a copy of the
database does not open any answer, and the hash can still be looked up directly. Keys in
SECRET_KEY_FALLBACKS keep old codes working after the secret key is rotated.
"""

import re
import secrets

from django.conf import settings
from django.utils.crypto import salted_hmac

ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
GROUPS = 4
GROUP_LENGTH = 4
LENGTH = GROUPS * GROUP_LENGTH
# What a person may type around the code: spaces, dashes, dots.
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015.·_]+")
_KEY_SALT = "questions.answer-code"


def new_code():
    """A fresh code, formatted for reading aloud or writing down."""
    raw = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
    return format_code(raw)


def format_code(raw):
    return "-".join(raw[i : i + GROUP_LENGTH] for i in range(0, LENGTH, GROUP_LENGTH))


def normalize_code(typed):
    """The 16 code characters of what a person typed, or None if it cannot be a code.
    Case, spaces and dashes do not matter."""
    if not isinstance(typed, str) or len(typed) > 64:
        return None
    raw = _SEPARATORS.sub("", typed).upper()
    if len(raw) != LENGTH or any(char not in ALPHABET for char in raw):
        return None
    return raw


def _hash(raw, secret):
    return salted_hmac(_KEY_SALT, raw, secret=secret, algorithm="sha256").hexdigest()


def hash_code(code):
    """The stored form of a code (formatted or normalised) under the current secret key."""
    raw = normalize_code(code)
    if raw is None:
        raise ValueError("not an answer code")
    return _hash(raw, settings.SECRET_KEY)


def candidate_hashes(typed):
    """Every hash a typed code may be stored under (current and previous secret keys);
    empty if it is no code at all."""
    raw = normalize_code(typed)
    if raw is None:
        return []
    secrets_in_use = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    return [_hash(raw, secret) for secret in secrets_in_use]
