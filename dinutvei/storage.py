"""Static files as production serves them: hashed names, gzip and brotli copies (whitenoise).

Django's manifest storage also rewrites `//# sourceMappingURL=` comments in JavaScript and
fails the whole build when the map is missing, as it is in the Leaflet.markercluster
package. Browsers fetch source maps only when a developer opens the tools, so the portal
leaves those comments as they are; CSS references are still checked and hashed."""

from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    patterns = tuple(
        (extension, rules)
        for extension, rules in CompressedManifestStaticFilesStorage.patterns
        if extension != "*.js"
    )
