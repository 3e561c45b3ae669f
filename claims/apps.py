from django.apps import AppConfig


class ClaimsConfig(AppConfig):
    name = "claims"
    verbose_name = "Claims: articles and fact-checks"

    def ready(self) -> None:
        # Registers the receivers that invalidate the NLP vocabulary cache when aircraft types, regions or
        # organisations change (a new alias is recognised without a restart).
        from django.db.models.signals import post_migrate

        from claims.nlp import vocabulary  # noqa: F401

        # After create_permissions (auth's own post_migrate), so the permissions exist.
        post_migrate.connect(_after_migrate, sender=self, dispatch_uid="claims.ensure_desk_groups")


def _after_migrate(sender, app_config=None, using="default", **kwargs) -> None:
    from django.apps import apps as global_apps
    from django.contrib.auth.management import create_permissions

    from claims.groups import ensure_desk_groups

    # Make sure every app's permissions exist first (post_migrate order between apps is not guaranteed).
    for config in global_apps.get_app_configs():
        create_permissions(config, verbosity=0, using=using)
    ensure_desk_groups()
