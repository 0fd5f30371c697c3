"""A deadline for every wait on PostgreSQL in the web process.

libpq's connect_timeout covers only connecting, and the server's statement_timeout only a
server that still runs. A server that accepts connections but never answers (stopped,
swapped out, behind a broken network) would hold a worker until gunicorn kills it. psycopg2
lets a program do the waiting itself (a "wait callback", the hook that green-thread
libraries use); this one waits at most `timeout` seconds for each step of a connection or
a query. When the time is up, psycopg2 closes the connection and the error reaches the
request as Django's OperationalError, which the portal answers with its 503 page.
"""

import select
import time

import psycopg2
from psycopg2 import extensions


def wait_with_deadline(connection, timeout):
    deadline = time.monotonic() + timeout
    while True:
        state = connection.poll()
        if state == extensions.POLL_OK:
            return
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise psycopg2.OperationalError(
                f"the database did not answer within {timeout:g} seconds"
            )
        if state == extensions.POLL_READ:
            select.select([connection.fileno()], [], [], remaining)
        elif state == extensions.POLL_WRITE:
            select.select([], [connection.fileno()], [], remaining)
        else:
            raise psycopg2.OperationalError(f"unexpected poll state {state}")


def guard_database_waits(timeout):
    """Every psycopg2 connection of this process waits through `wait_with_deadline`."""
    extensions.set_wait_callback(lambda connection: wait_with_deadline(connection, timeout))
