"""Running the migrations to a point and back, for tests of data migrations on a database
that holds data of the old shape."""

from django.db import connection
from django.db.migrations.executor import MigrationExecutor


def migrate(targets=None):
    """Migrate to `targets` (or to the latest migration of every app); the project state
    there, whose `.apps` gives the historical models."""
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    return executor.migrate(targets or executor.loader.graph.leaf_nodes())
