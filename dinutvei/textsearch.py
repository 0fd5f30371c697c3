"""PostgreSQL text-search configurations for the portal's languages, shared by every app's
site_search. PostgreSQL ships stemmers for these; the rest use "simple" (no stemming)."""

SEARCH_CONFIGS = {
    "nb": "norwegian", "nn": "norwegian", "en": "english", "ar": "arabic", "ru": "russian",
    "es": "spanish", "fr": "french", "tr": "turkish",
}


def search_config(language):
    return SEARCH_CONFIGS.get(language, "simple")
