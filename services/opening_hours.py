"""The compact text form of opening hours used in CSV files:
`mon-fri 08:00-15:30; sat 10:00-14:00; fri,sat 22:00-06:00`. A closing time at or before
the opening time runs past midnight; 08:00-08:00 is 24 hours from 08:00."""

import datetime as dt
import re

DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
_PERIOD = re.compile(r"^(?P<days>[a-z,\-]+)\s+(?P<opens>\d{1,2}:\d{2})-(?P<closes>\d{1,2}:\d{2})$")


class OpeningHoursError(ValueError):
    pass


def _time(text):
    hours, minutes = (int(part) for part in text.split(":"))
    if hours == 24 and minutes == 0:
        return dt.time(0, 0)
    try:
        return dt.time(hours, minutes)
    except ValueError as error:
        raise OpeningHoursError(f"not a time: {text}") from error


def _days(text):
    days = []
    for part in text.split(","):
        if "-" in part:
            first, last = part.split("-", 1)
            if first not in DAYS or last not in DAYS:
                raise OpeningHoursError(f"unknown day in {part!r}")
            start, end = DAYS.index(first), DAYS.index(last)
            if end < start:
                raise OpeningHoursError(f"days run backwards in {part!r}")
            days.extend(range(start, end + 1))
        elif part in DAYS:
            days.append(DAYS.index(part))
        else:
            raise OpeningHoursError(f"unknown day {part!r}")
    return days


def parse(text):
    """[(weekday, opens, closes), …] from the compact form; raises OpeningHoursError."""
    periods = []
    for chunk in (text or "").lower().split(";"):
        chunk = " ".join(chunk.split())
        if not chunk:
            continue
        match = _PERIOD.match(chunk)
        if not match:
            raise OpeningHoursError(f"cannot read {chunk!r}")
        opens, closes = _time(match["opens"]), _time(match["closes"])
        periods.extend((day, opens, closes) for day in _days(match["days"]))
    return sorted(periods)


def format_periods(periods):
    """The compact form of [(weekday, opens, closes), …], merging runs of equal days."""
    by_hours = {}
    for weekday, opens, closes in sorted(periods):
        by_hours.setdefault((opens, closes), []).append(weekday)
    parts = []
    for (opens, closes), days in sorted(by_hours.items(), key=lambda item: (item[1][0], item[0])):
        parts.append(f"{_format_days(days)} {opens:%H:%M}-{closes:%H:%M}")
    return "; ".join(parts)


def _format_days(days):
    runs, run = [], [days[0]]
    for day in days[1:]:
        if day == run[-1] + 1:
            run.append(day)
        else:
            runs.append(run)
            run = [day]
    runs.append(run)
    return ",".join(DAYS[r[0]] if len(r) == 1 else f"{DAYS[r[0]]}-{DAYS[r[-1]]}" for r in runs)
