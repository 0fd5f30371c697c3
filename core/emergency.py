"""The national phone lines shown on every page. They are facts of the Norwegian health and
emergency system, not editable content, so they live in code and are translated in locale/."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class EmergencyNumber:
    number: str
    name: str
    description: str
    # Where the line offers chat, for those who cannot safely call: a plain link to the
    # line's own site, never an embedded script of theirs.
    chat_url: str = ""

    @property
    def tel(self):
        return "tel:" + self.number.replace(" ", "")


def emergency_numbers():
    return [
        # Translators: the short names of Norway's emergency numbers and helplines, shown in a
        # narrow bar at the top of every page: keep them short. The helplines' Norwegian
        # names are their own names; translate them so that a reader knows what they are.
        EmergencyNumber("112", _("Police"), _("When you or someone else is in danger")),
        EmergencyNumber("113", _("Ambulance"), _("Medical emergency")),
        EmergencyNumber(
            "116 006",
            _("Vold- og overgrepslinjen"),
            _("Helpline for violence and abuse, free and open around the clock"),
            chat_url="https://www.116006.no/",
        ),
        EmergencyNumber(
            "116 111",
            _("Alarmtelefonen for barn og unge"),
            _("For children and young people, free and open around the clock"),
            chat_url="https://www.116111.no/",
        ),
        EmergencyNumber("116 117", _("Legevakt"), _("Emergency medical help out of hours")),
    ]
