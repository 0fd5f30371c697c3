"""The registry as HSDS 3.1's tabular form: one CSV file per HSDS object, described by a
Frictionless `datapackage.json`, all in one zip. The columns are each HSDS schema's
one-to-one properties, in its order; the files and their order are the schemas' own
(`path`, `datapackage_metadata`). Objects the registry does not hold (contacts, funding,
programs, …) are there with their header only, so a reader finds every table it expects."""

import csv
import io
import json
import zipfile

from django.conf import settings
from django.utils import timezone

from . import hsds
from .openapi import LICENCE, hsds_schemas

# JSON Schema "type"/"format" → Table Schema field type.
FIELD_TYPES = {"number": "number", "integer": "integer", "boolean": "boolean"}
STRING_FORMATS = {"uuid": "uuid", "email": "email", "uri": "uri"}


def _columns(schema):
    return [
        (name, spec)
        for name, spec in schema["properties"].items()
        if spec.get("type") not in ("array", "object") and "$ref" not in spec
    ]


def _field(name, spec, required):
    field = {"name": name, "type": FIELD_TYPES.get(spec.get("type"), "string")}
    if spec.get("format") == "date-time":
        field["type"] = "datetime"
    elif spec.get("format") in STRING_FORMATS and field["type"] == "string":
        field["format"] = STRING_FORMATS[spec["format"]]
    if spec.get("description"):
        field["description"] = spec["description"]
    if name in required:
        field["constraints"] = {"required": True}
    if spec.get("enum"):
        field.setdefault("constraints", {})["enum"] = spec["enum"]
    return field


def tables():
    """[(name, path, schema)] in HSDS's order."""
    schemas = hsds_schemas()
    found = [
        (name, schema["path"], schema)
        for name, schema in schemas.items()
        if "path" in schema and name != "meta_table_description"
    ]
    return sorted(found, key=lambda item: item[2]["datapackage_metadata"]["order"])


def descriptor():
    resources = []
    for name, path, schema in tables():
        required = set(schema.get("required", [])) | set(schema.get("tabular_required", []))
        resources.append(
            {
                "name": name,
                "path": path,
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "description": schema.get("description", ""),
                "schema": {
                    "fields": [_field(n, spec, required) for n, spec in _columns(schema)],
                    "primaryKey": ["id"],
                },
            }
        )
    return {
        "profile": "tabular-data-package",
        "name": "din-utvei-hsds",
        "title": f"{settings.SITE_NAME}: hjelpetjenester (HSDS 3.1)",
        "description": (
            "Published listings of help services for violence in close relationships, rape "
            "and sexual abuse in Norway, in Open Referral's Human Services Data "
            "Specification 3.1 (tabular form). Text in Norwegian (bokmål)."
        ),
        "homepage": f"{settings.SITE_URL}/apne-data/",
        "version": hsds.HSDS_VERSION,
        "created": timezone.now().replace(microsecond=0).isoformat(),
        "licenses": [{"name": "CC-BY-4.0", "path": LICENCE["url"], "title": LICENCE["name"]}],
        "sources": [{"title": settings.SITE_NAME, "path": settings.SITE_URL}],
        "resources": resources,
    }


def rows(services, categories, client_groups):
    """{table name: [row dict]} from the published services and the vocabularies."""
    found = {name: [] for name, _path, _schema in tables()}
    for service in services:
        record = hsds.service_record(service)
        found["service"].append(hsds.service_record(service, full=False))
        found["organization"].append(record["organization"])
        for key, table in (
            ("phones", "phone"),
            ("schedules", "schedule"),
            ("service_areas", "service_area"),
            ("languages", "language"),
            ("attributes", "attribute"),
        ):
            found[table].extend(record[key])
        for located in record["service_at_locations"]:
            location = located["location"]
            found["service_at_location"].append(hsds.service_at_location_record(service))
            found["location"].append(location)
            found["address"].extend(location.get("addresses", []))
            found["accessibility"].extend(location.get("accessibility", []))
    found["taxonomy"] = hsds.taxonomy_records()
    found["taxonomy_term"] = hsds.term_records(categories, client_groups)
    return found


def _csv(schema, records):
    names = [name for name, _spec in _columns(schema)]
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=names, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for record in records:
        writer.writerow({name: _cell(record.get(name)) for name in names})
    return buffer.getvalue()


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def package_zip(services, categories, client_groups):
    """The zip's bytes: datapackage.json and one CSV per table."""
    tables_rows = rows(services, categories, client_groups)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("datapackage.json", json.dumps(descriptor(), ensure_ascii=False, indent=2))
        for name, path, schema in tables():
            archive.writestr(path, _csv(schema, tables_rows[name]))
    return buffer.getvalue()
