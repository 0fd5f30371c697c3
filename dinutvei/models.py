"""Model pieces shared by the apps (abstract only: this package has no tables)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OrderedVocabulary(models.Model):
    """A small, translated list that editors order by hand: service categories, target
    groups, topics. Subclasses add their own Meta (verbose names) and fields."""

    slug = models.SlugField(_("slug"), unique=True)
    name = models.CharField(_("name"), max_length=100)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        abstract = True
        ordering = ["order", "name"]

    def __str__(self):
        return self.name
