# Expressions of interest and alerts moved to their own apps (portal.interest,
# portal.alerts), keeping their tables: this forgets them in cms's state only. Their
# apps' 0001 migrations take them over, and move their content types (permissions follow).

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('cms', '0003_alert_subscription'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.DeleteModel(name='AlertDelivery'),
                migrations.DeleteModel(name='AlertSubscription'),
                migrations.DeleteModel(name='InterestExpression'),
            ],
        ),
    ]
