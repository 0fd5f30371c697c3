"""Page feedback now belongs to the core app (core/migrations/0001): only the state moves."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0006_language_first_search_indexes'),
        ('core', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[
            migrations.DeleteModel(name='PageFeedback'),
        ]),
    ]
