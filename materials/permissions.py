"""The staff group that packs and sends the information material. Kept here, beside the
app, rather than in core/permissions.py: its data migration and the order e-mail name it."""

MATERIALS_STAFF = "Materiell"
