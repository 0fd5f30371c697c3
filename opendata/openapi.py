"""The API's OpenAPI 3.1 document: Open Referral's own (hsds_schema/openapi.json) with the
portal's title, licence and server filled in, and the HSDS schemas it names by web address
included as components, so that the document is whole and needs no network to read."""

import copy
import json
from functools import cache
from pathlib import Path

from django.conf import settings

SCHEMA_DIR = Path(__file__).resolve().parent / "hsds_schema"
UPSTREAM = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"
# HSDS's compiled (fully nested) and list schemas are its plain ones with the related
# objects filled in, which the plain schemas allow: they are answered with those.
COMPILED = {
    "compiled/service.json": "service",
    "compiled/service_list.json": "service",
    "compiled/organization.json": "organization",
    "compiled/organization_list.json": "organization",
    "compiled/service_at_location_list.json": "service_at_location",
    "taxonomy.json": "taxonomy",
    "taxonomy_term.json": "taxonomy_term",
}
LICENCE = {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"}
ERROR = {
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {"type": "string"},
        "parameters": {
            "type": "object",
            "additionalProperties": {"type": "array", "items": {"type": "string"}},
        },
    },
}


@cache
def hsds_schemas():
    """{name: schema} of every HSDS schema file, as published (read once; not to be
    changed by callers)."""
    return {
        path.stem: json.loads(path.read_text(encoding="utf-8"))
        for path in sorted(SCHEMA_DIR.glob("*.json"))
        if path.stem != "openapi"
    }


def _local(node, rewrite):
    """A copy of `node` with each "$ref" passed through `rewrite`."""
    if isinstance(node, dict):
        return {
            key: rewrite(value) if key == "$ref" else _local(value, rewrite)
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [_local(item, rewrite) for item in node]
    return node


def _component(reference):
    if reference.startswith(UPSTREAM):
        return f"#/components/schemas/{COMPILED[reference.removeprefix(UPSTREAM)]}"
    if reference.endswith(".json"):  # one schema file naming another
        return f"#/components/schemas/{reference.removesuffix('.json')}"
    return reference


def _error_response(description):
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
    }


@cache
def openapi_document():
    upstream = json.loads((SCHEMA_DIR / "openapi.json").read_text(encoding="utf-8"))
    document = _local(copy.deepcopy(upstream), _component)
    document["info"] = {
        "title": f"{settings.SITE_NAME}: hjelpetjenester (HSDS 3.1)",
        "version": "1.0.0",
        "summary": "Norway's help services for violence, abuse and rape, as open data.",
        "description": (
            "The published listings of Din utvei, the national portal about violence in "
            "close relationships, rape and sexual abuse, in Open Referral's Human Services "
            "Data Specification 3.1. The text is in Norwegian (bokmål). Demo listings are "
            "marked with an alert. The schemas are Open Referral's (CC BY-SA 4.0)."
        ),
        "contact": {"name": settings.SITE_NAME, "url": f"{settings.SITE_URL}/apne-data/"},
        "license": LICENCE,
    }
    document["servers"] = [{"url": "/api/v1"}]
    # HSDS answers a service-at-location with a compiled service; this API answers with the
    # service-at-location itself, its location and its service nested.
    located = document["paths"]["/service_at_locations/{id}"]["get"]["responses"]["200"]
    located["content"]["application/json"]["schema"] = {
        "$ref": "#/components/schemas/service_at_location"
    }
    for path, item in document["paths"].items():
        responses = item["get"]["responses"]
        if item["get"].get("parameters"):
            responses["400"] = _error_response("A query parameter is not valid.")
        if "{id}" in path:
            responses["404"] = _error_response("Nothing published has this id.")
    schemas = document.setdefault("components", {}).setdefault("schemas", {})
    for name, schema in hsds_schemas().items():
        schemas[name] = _local(schema, _component)
    schemas["Error"] = ERROR
    return document
