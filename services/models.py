"""The registry of help services, and the counties and municipalities they belong to."""

import datetime as dt
import uuid
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import get_script_prefix, reverse
from django.utils import timezone
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from core import page_cache
from core.models import OrderedVocabulary

OSLO = ZoneInfo("Europe/Oslo")
SHELTER_CATEGORY = "krisesenter"
STALE_AFTER = dt.timedelta(days=365)

# Norway's bounding box, Svalbard and Jan Mayen included: a point outside it is a typo.
LATITUDE_RANGE = (57.0, 81.5)
LONGITUDE_RANGE = (-9.5, 35.0)


# Languages a service can offer: Norway's official and largest immigrant languages.
SPOKEN_LANGUAGES = [
    ("nb", _("Norwegian Bokmål")),
    ("nn", _("Norwegian Nynorsk")),
    ("en", _("English")),
    ("se", _("Northern Sami")),
    ("ar", _("Arabic")),
    ("ckb", _("Kurdish (Sorani)")),
    ("kmr", _("Kurdish (Kurmanji)")),
    ("so", _("Somali")),
    ("ti", _("Tigrinya")),
    ("th", _("Thai")),
    ("tr", _("Turkish")),
    ("ur", _("Urdu")),
    ("fa", _("Persian")),
    ("ps", _("Pashto")),
    ("ru", _("Russian")),
    ("uk", _("Ukrainian")),
    ("es", _("Spanish")),
    ("fr", _("French")),
    ("pl", _("Polish")),
    ("lt", _("Lithuanian")),
    ("de", _("German")),
    ("sv", _("Swedish")),
    ("vi", _("Vietnamese")),
    ("tl", _("Tagalog")),
    ("sgn", _("Norwegian Sign Language")),
]


class County(models.Model):
    number = models.CharField(_("number"), max_length=2, unique=True)
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        ordering = ["name"]
        verbose_name = _("county")
        verbose_name_plural = _("counties")

    def __str__(self):
        return self.name


class Municipality(models.Model):
    number = models.CharField(_("number"), max_length=4, unique=True)
    name = models.CharField(_("name"), max_length=100)
    county = models.ForeignKey(
        County, on_delete=models.PROTECT, related_name="municipalities", verbose_name=_("county")
    )
    action_plan_url = models.URLField(
        _("action plan against violence"),
        blank=True,
        help_text=_("The municipality's own action plan against violence in close relationships."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("services:municipality", kwargs={"number": self.number})


class ServiceCategory(OrderedVocabulary):
    description = models.TextField(_("description"), blank=True)

    class Meta(OrderedVocabulary.Meta):
        verbose_name = _("service category")
        verbose_name_plural = _("service categories")

    def get_absolute_url(self):
        return reverse("services:category", kwargs={"slug": self.slug})


class ClientGroup(OrderedVocabulary):
    """Who a service is for: women, men, children and young people, relatives, … Not the
    site's target groups (core.TargetGroup, the four audiences pages speak to): a
    service's clients are counted in other ways."""

    class Meta(OrderedVocabulary.Meta):
        verbose_name = _("client group")
        verbose_name_plural = _("client groups")


class ServiceQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def local(self):
        return self.filter(is_national=False, latitude__isnull=False, longitude__isnull=False)

    def national(self):
        return self.filter(is_national=True)

    def stale(self, *, today=None):
        today = today or timezone.localdate()
        return self.filter(Q(last_verified__isnull=True) | Q(last_verified__lt=today - STALE_AFTER))

    def open_at(self, moment):
        """Services open at `moment`: around the clock, or within an opening period of that
        day, or of the day before for periods that run past midnight."""
        local = moment.astimezone(OSLO)
        weekday, now = local.weekday(), local.time()
        yesterday = (weekday - 1) % 7
        periods = OpeningPeriod.objects.filter(service=OuterRef("pk"))
        same_day = periods.filter(weekday=weekday, opens__lte=now).filter(
            Q(closes__gt=now) | Q(closes__lte=models.F("opens"))
        )
        overnight = periods.filter(weekday=yesterday, closes__lte=models.F("opens"), closes__gt=now)
        return self.filter(Q(is_open_24_7=True) | Exists(same_day) | Exists(overnight))


class LocationPrecision(models.TextChoices):
    EXACT = "exact", _("Exact (the address)")
    APPROXIMATE = "approximate", _("Approximate (postcode or place)")


_DETAIL_URLS = {}


def service_detail_url(slug):
    """A service's page. Lists and maps name dozens of services: the URL is reversed once
    per language and prefix, and the slug put in, not reversed once per service."""
    key = (get_language(), get_script_prefix())
    pattern = _DETAIL_URLS.get(key)
    if pattern is None:
        pattern = _DETAIL_URLS[key] = reverse("services:detail", kwargs={"slug": "__slug__"})
    return pattern.replace("__slug__", slug)


# The namespace of the services' public ids made from a slug (services.models.public_id_for).
PUBLIC_ID_NAMESPACE = uuid.UUID("6f1d2c0e-5b8e-4f0c-9d7a-2b1f0c6d9e41")


def public_id_for(slug):
    """The id a service gets when it comes without one: the same slug gives the same id on
    every installation, so the demo data's ids are stable too."""
    return uuid.uuid5(PUBLIC_ID_NAMESPACE, slug)


class Service(models.Model):
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    # The id in the open data (HSDS, opendata/): kept when the name or slug changes, and
    # carried by the CSV export and import, so that re-users can follow a service.
    public_id = models.UUIDField(_("public id"), unique=True, editable=False)
    # The municipalities it is the service of (a shelter serves several by law; a police
    # district, a family counselling office, a Children's House a region): the editors keep
    # it, the municipality pages and the open data's service areas show it.
    serves_municipalities = models.ManyToManyField(
        Municipality,
        blank=True,
        related_name="served_by",
        verbose_name=_("serves these municipalities"),
    )
    # Shelters only: the staff who keep its places up to date (services/shelters.py).
    shelter_staff = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="shelters",
        verbose_name=_("shelter staff"),
        help_text=_("Staff of this crisis shelter, who may set its places."),
    )
    category = models.ForeignKey(
        ServiceCategory,
        on_delete=models.PROTECT,
        related_name="services",
        verbose_name=_("category"),
    )
    description = models.TextField(_("description"), blank=True)
    client_groups = models.ManyToManyField(
        ClientGroup, blank=True, related_name="services", verbose_name=_("who it is for")
    )
    languages = models.JSONField(
        _("languages spoken"),
        default=list,
        blank=True,
        help_text=_("Language codes, such as nb, en, ar."),
    )

    is_national = models.BooleanField(
        _("national service"),
        default=False,
        help_text=_("A phone line or online service with no place: shown everywhere."),
    )
    street_address = models.CharField(_("street address"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=4, blank=True)
    place = models.CharField(_("place"), max_length=100, blank=True)
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="services",
        verbose_name=_("municipality"),
    )
    county = models.ForeignKey(
        County,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="services",
        verbose_name=_("county"),
    )
    latitude = models.FloatField(
        _("latitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(LATITUDE_RANGE[0]), MaxValueValidator(LATITUDE_RANGE[1])],
    )
    longitude = models.FloatField(
        _("longitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(LONGITUDE_RANGE[0]), MaxValueValidator(LONGITUDE_RANGE[1])],
    )
    location_precision = models.CharField(
        _("location precision"),
        max_length=12,
        choices=LocationPrecision.choices,
        default=LocationPrecision.APPROXIMATE,
    )

    phone = models.CharField(_("phone"), max_length=30, blank=True)
    phone_24h = models.CharField(
        _("phone open around the clock"),
        max_length=30,
        blank=True,
        help_text=_("An emergency or duty line, if different from the main phone."),
    )
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)

    is_open_24_7 = models.BooleanField(_("open around the clock"), default=False)
    opening_hours_note = models.CharField(
        _("note on opening hours"),
        max_length=200,
        blank=True,
        help_text=_("E.g. 'Call ahead' or 'Closed on public holidays'."),
    )
    is_free = models.BooleanField(_("free of charge"), default=True)
    needs_referral = models.BooleanField(_("needs a referral"), default=False)
    wheelchair_accessible = models.BooleanField(
        _("wheelchair access"), null=True, blank=True, help_text=_("Leave empty if unknown.")
    )

    is_published = models.BooleanField(_("published"), default=True)
    is_demo = models.BooleanField(
        _("demo data"), default=False, help_text=_("Invented listing for demonstration.")
    )
    last_verified = models.DateField(_("last verified"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ServiceQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("service")
        verbose_name_plural = _("services")
        indexes = [
            models.Index(fields=["latitude", "longitude"], name="service_lat_lon"),
            models.Index(fields=["is_published", "is_national"], name="service_published"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=(Q(latitude__isnull=True) & Q(longitude__isnull=True))
                | (Q(latitude__isnull=False) & Q(longitude__isnull=False)),
                name="service_point_complete",
            ),
            models.CheckConstraint(
                condition=Q(latitude__isnull=True)
                | Q(latitude__gte=LATITUDE_RANGE[0], latitude__lte=LATITUDE_RANGE[1]),
                name="service_latitude_in_norway",
            ),
            models.CheckConstraint(
                condition=Q(longitude__isnull=True)
                | Q(longitude__gte=LONGITUDE_RANGE[0], longitude__lte=LONGITUDE_RANGE[1]),
                name="service_longitude_in_norway",
            ),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if self.public_id is None:
            self.public_id = public_id_for(self.slug)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return service_detail_url(self.slug)

    def clean(self):
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError(_("Give both latitude and longitude, or neither."))
        if not self.is_national and not (self.postcode or self.latitude is not None):
            raise ValidationError(_("A local service needs a postcode or a point on the map."))
        if self.postcode and not (len(self.postcode) == 4 and self.postcode.isdigit()):
            raise ValidationError({"postcode": _("A postcode has four digits.")})

    def language_names(self):
        names = dict(SPOKEN_LANGUAGES)
        return [str(names.get(code, code)) for code in self.languages]

    @property
    def has_point(self):
        return self.latitude is not None and self.longitude is not None

    @property
    def is_stale(self):
        return self.last_verified is None or (
            self.last_verified < timezone.localdate() - STALE_AFTER
        )

    def is_open_at(self, moment):
        if self.is_open_24_7:
            return True
        local = moment.astimezone(OSLO)
        now, weekday = local.time(), local.weekday()
        for period in self.opening_periods.all():
            if period.covers(weekday, now):
                return True
        return False

    def is_open_now(self):
        now = timezone.now()
        # A kept page that says "open" or "closed" ends when that may change.
        page_cache.holds_until(self.open_status_holds_until(now))
        return self.is_open_at(now)

    @property
    def is_shelter(self):
        return self.category.slug == SHELTER_CATEGORY

    @property
    def shelter_places_now(self):
        """What its staff last said of its places, while that is fresh (24 hours); None
        means "unknown – call". Reads `latest_places` where services.shelters.
        with_shelter_status has annotated it, else asks the database."""
        if hasattr(self, "latest_places"):
            places, set_at = self.latest_places, self.latest_places_set_at
        else:
            latest = self.shelter_statuses.first()
            places, set_at = (latest.places, latest.set_at) if latest else (None, None)
        if places is None:
            return None
        ends = fresh_until(set_at)
        if timezone.now() >= ends:
            return None
        # A kept page that shows it ends when it goes stale.
        page_cache.holds_until(ends)
        return ShelterPlacesNow(places, ShelterPlaces(places).label, set_at)

    def open_status_holds_until(self, moment):
        """A moment no later than the next opening or closing after `moment` (None: it
        never changes). Any opening or closing time of the next 24 hours counts, whatever
        its weekday: sooner than needed at times, never too late."""
        if self.is_open_24_7:
            return None
        local = moment.astimezone(OSLO)
        times = {period.opens for period in self.opening_periods.all()}
        times |= {period.closes for period in self.opening_periods.all()}
        upcoming = [
            dt.datetime.combine(local.date() + dt.timedelta(days=days), time, tzinfo=OSLO)
            for days in (0, 1)
            for time in times
        ]
        return min((when for when in upcoming if when > local), default=None)

    @property
    def has_opening_hours(self):
        return self.is_open_24_7 or bool(self.opening_periods.all())

    def directions_url(self):
        """A link for directions that names only the service, never the visitor."""
        if not self.has_point:
            return ""
        return (
            "https://www.openstreetmap.org/directions?to="
            f"{self.latitude:.5f}%2C{self.longitude:.5f}"
        )


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


class OpeningPeriod(models.Model):
    """One opening period on one weekday. A period whose closing time is not after its
    opening time runs past midnight (22:00–08:00); 00:00–00:00 is the whole day."""

    service = models.ForeignKey(
        Service,
        on_delete=models.CASCADE,
        related_name="opening_periods",
        verbose_name=_("service"),
    )
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=Weekday.choices)
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(_("closes"))

    class Meta:
        ordering = ["weekday", "opens"]
        verbose_name = _("opening period")
        verbose_name_plural = _("opening hours")
        constraints = [
            models.CheckConstraint(
                condition=Q(weekday__gte=0, weekday__lte=6), name="opening_period_weekday"
            ),
        ]

    def __str__(self):
        return f"{self.get_weekday_display()} {self.opens:%H:%M}–{self.closes:%H:%M}"

    @property
    def runs_past_midnight(self):
        return self.closes <= self.opens

    def covers(self, weekday, time):
        if self.weekday == weekday and self.opens <= time:
            if self.runs_past_midnight or time < self.closes:
                return True
        previous_day = (weekday - 1) % 7
        return self.weekday == previous_day and self.runs_past_midnight and time < self.closes


class ListingErrorReportQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=ListingErrorReport.Status.NEW)


class ListingErrorReport(models.Model):
    """A visitor's or municipality's report, in the editors' one queue: a listing that is
    wrong, something wrong on a municipality's page, or a service proposed for listing.
    Nothing about the sender is stored beyond what they typed."""

    class Status(models.TextChoices):
        NEW = "new", pgettext_lazy("status of an error report", "New")
        FIXED = "fixed", pgettext_lazy("status of an error report", "Fixed")
        DISMISSED = "dismissed", pgettext_lazy("status of an error report", "Dismissed")

    class Kind(models.TextChoices):
        LISTING = "listing", _("Error in a listing")
        MUNICIPALITY = "municipality", _("Error on a municipality's page")
        PROPOSAL = "proposal", _("Proposed new listing")

    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.LISTING)
    service = models.ForeignKey(
        Service,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="error_reports",
        verbose_name=_("service"),
    )
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="reports",
        verbose_name=_("municipality"),
    )
    message = models.TextField(_("what is wrong"), max_length=2000)
    contact = models.CharField(
        _("contact (optional)"),
        max_length=200,
        blank=True,
        help_text=_("Only if you want us to get back to you, e.g. a work e-mail."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.NEW
    )
    created_at = models.DateTimeField(_("received"), auto_now_add=True)
    handled_at = models.DateTimeField(_("handled"), null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("handled by"),
    )

    objects = ListingErrorReportQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("listing error report")
        verbose_name_plural = _("listing error reports")
        constraints = [
            models.CheckConstraint(
                condition=Q(service__isnull=False) | Q(municipality__isnull=False),
                name="report_is_about_something",
            )
        ]

    def __str__(self):
        about = self.service or self.municipality
        return f"{about} ({self.created_at:%Y-%m-%d})" if self.created_at else str(about)


# A shelter's status says nothing once it is this old: "unknown — call".
SHELTER_STATUS_FRESH_FOR = dt.timedelta(hours=24)


def fresh_until(set_at):
    """When a shelter status set at `set_at` stops being shown."""
    return set_at + SHELTER_STATUS_FRESH_FOR


@dataclass(frozen=True)
class ShelterPlacesNow:
    places: str
    label: str
    set_at: dt.datetime


class ShelterPlaces(models.TextChoices):
    AVAILABLE = "available", _("Places available")
    FEW = "few", _("Few places left")
    FULL = "full", _("Full – call anyway")
    CALL_FIRST = "call-first", _("Call first")


class ShelterStatus(models.Model):
    """One setting of a shelter's places by its own staff. Every setting is kept: the latest
    is shown for 24 hours, and the history gives the funder's statistics (how often full,
    per county and month). Who set it is not kept: the statistics do not need it."""

    service = models.ForeignKey(
        Service,
        on_delete=models.CASCADE,
        related_name="shelter_statuses",
        verbose_name=_("shelter"),
    )
    places = models.CharField(_("places"), max_length=12, choices=ShelterPlaces.choices)
    set_at = models.DateTimeField(_("time set"), default=timezone.now)

    class Meta:
        ordering = ["-set_at"]
        indexes = [models.Index(fields=["service", "-set_at"], name="shelter_status_latest")]
        verbose_name = _("shelter status")
        verbose_name_plural = _("shelter statuses")
        permissions = [("set_shelter_status", _("Can set the places of own shelters"))]

    def __str__(self):
        return f"{self.service}: {self.get_places_display()} ({self.set_at:%Y-%m-%d %H:%M})"

    @property
    def fresh_until(self):
        return fresh_until(self.set_at)
