"""From a visitor's answers to a result: pure functions, no database, nothing kept.

The answers are "yes", "no" or "don't know". A statement left unanswered, or sent with a
value the form never offers, counts as "don't know": a person may skip what they cannot
or will not answer, or have to leave in a hurry, and still get help; there is nothing to
correct, so there is no error to show (docs/decisions/0016-self-tests.md).
"""

from collections import Counter
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .models import Kind, Level


class Answer:
    YES = "yes"
    NO = "no"
    UNSURE = "unsure"
    CHOICES = [
        (YES, _("Yes")),
        (NO, _("No")),
        # Translators: an answer to a self-test statement.
        (UNSURE, _("Don't know")),
    ]
    VALUES = frozenset(value for value, _label in CHOICES)


# A yes to any statement of these kinds puts safety first, whatever the statement's flag.
DANGER_KINDS = frozenset({Kind.PHYSICAL, Kind.SEXUAL})

# What each form of violence is, shown beside the signs a person recognised. After Bufdir's
# and dinutvei.no's descriptions of the forms of violence; facts, not editable content.
KIND_DESCRIPTIONS = {
    Kind.PHYSICAL: _(
        "Any use of force against the body: hitting, kicking, pushing, shaking, holding "
        "someone down, strangling or throwing things at them."
    ),
    Kind.PSYCHOLOGICAL: _(
        "Acts that frighten, humiliate, control or break someone down without touching "
        "them: threats, insults, jealousy that controls, isolation from friends and family."
    ),
    Kind.SEXUAL: _(
        "Any sexual act someone is pressed, tricked or forced into, also by a partner, and "
        "sexual acts with children."
    ),
    Kind.ECONOMIC: _(
        "Control of someone's money, work or debts, so that they cannot decide over their "
        "own life or leave."
    ),
    Kind.DIGITAL: _(
        "Using phones, messages, apps and the internet to watch, threaten, control or "
        "humiliate someone, or to share pictures of them."
    ),
    Kind.SOCIAL_CONTROL: _(
        "Watching, pressure and threats, often from the family, that stop someone from "
        "choosing their own friends, clothes, education, partner or faith."
    ),
}


@dataclass(frozen=True)
class KindFound:
    kind: str
    label: str
    description: str
    count: int


@dataclass(frozen=True)
class Result:
    level: str
    signs: tuple  # the statements answered yes
    unsure: tuple  # answered "don't know"
    unanswered: int  # not answered, or with a value never offered (counted as "don't know")
    kinds: tuple  # KindFound, in the order of Kind

    @property
    def danger(self):
        return self.level == Level.SAFETY


def read_answers(statements, data):
    """{statement: answer} for every statement; "unanswered" where the data has no usable
    value. `data` is a QueryDict or a dict; anything else in it is ignored."""
    answers = {}
    for statement in statements:
        value = data.get(statement.field_name)
        answers[statement] = value if isinstance(value, str) and value in Answer.VALUES else None
    return answers


def score(answers):
    """The result of {statement: "yes" | "no" | "unsure" | None}."""
    signs = tuple(statement for statement, value in answers.items() if value == Answer.YES)
    unsure = tuple(statement for statement, value in answers.items() if value == Answer.UNSURE)
    unanswered = sum(1 for value in answers.values() if value is None)
    if any(statement.kind in DANGER_KINDS or statement.is_danger_sign for statement in signs):
        level = Level.SAFETY
    elif signs:
        level = Level.SIGNS
    elif unsure or unanswered:
        level = Level.UNSURE
    else:
        level = Level.NONE
    counts = Counter(statement.kind for statement in signs)
    kinds = tuple(
        KindFound(kind, kind.label, KIND_DESCRIPTIONS[kind], counts[kind])
        for kind in Kind
        if counts[kind]
    )
    return Result(level=level, signs=signs, unsure=unsure, unanswered=unanswered, kinds=kinds)
