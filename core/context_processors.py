from django.conf import settings

from .emergency import emergency_numbers


def portal(request):
    """What the base template needs on every page: quick exit, emergency numbers, languages."""
    return {
        "QUICK_EXIT_URL": settings.QUICK_EXIT_URL,
        "SITE_NAME": settings.SITE_NAME,
        "emergency_numbers": emergency_numbers(),
    }
