"""Schemathesis against the API's own OpenAPI document: generated paths and query values,
valid and not, must never make the API answer with a server error."""

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, settings

from opendata.openapi import openapi_document

SCHEMA = schemathesis.openapi.from_dict(openapi_document())
APPLICATION = get_wsgi_application()


@pytest.fixture
def connections_kept_open():
    """The application called directly closes the database connection after each request
    (Django's test client stops it from doing so): the test's transaction must outlive it."""
    from django.core import signals
    from django.db import close_old_connections

    for signal in (signals.request_started, signals.request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (signals.request_started, signals.request_finished):
        signal.connect(close_old_connections)


@pytest.mark.django_db
@SCHEMA.parametrize()
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_generated_request_is_a_server_error(case, registry, connections_kept_open):
    from schemathesis.checks import not_a_server_error

    response = case.call(app=APPLICATION)
    case.validate_response(response, checks=[not_a_server_error])
