"""For migrations that take over a model from another app: its content type (and so its
permissions, admin log entries and references) follows it."""


def move_content_types(from_app, to_app, models):
    def forwards(apps, schema_editor):
        ContentType = apps.get_model("contenttypes", "ContentType")
        for model in models:
            old = ContentType.objects.filter(app_label=from_app, model=model)
            if old.exists():
                # A content type created for the new app in between would hold nothing yet.
                ContentType.objects.filter(app_label=to_app, model=model).delete()
                old.update(app_label=to_app)

    def backwards(apps, schema_editor):
        move_content_types(to_app, from_app, models)[0](apps, schema_editor)

    return forwards, backwards
