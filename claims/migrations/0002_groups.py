"""Create the desk's groups with their permissions.

Fact-checkers: edit claims, evidence links, sources, articles (and decide on proposals/suggestions); view everything.
Editors: view everything; ask the bot (bot.ask permission).
Permissions are created here explicitly because Django only creates them after all migrations ran.
"""
from django.contrib.auth.management import create_permissions
from django.db import migrations

from claims.groups import ensure_desk_groups


def create_groups(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    ensure_desk_groups(group_model=apps.get_model("auth", "Group"), permission_model=apps.get_model("auth", "Permission"))


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["Editors", "Fact-checkers"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0001_initial"),
        ("evidence", "0001_initial"),
        ("bot", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [migrations.RunPython(create_groups, remove_groups)]
