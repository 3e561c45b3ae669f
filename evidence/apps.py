from django.apps import AppConfig


class EvidenceConfig(AppConfig):
    name = "evidence"
    verbose_name = "Evidence: flights, aircraft and sources"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        post_migrate.connect(_seed_after_migrate, sender=self, dispatch_uid="evidence.seed_reference_after_migrate")
        post_migrate.connect(_partitions_after_migrate, sender=self, dispatch_uid="evidence.partitions_after_migrate")
        from project.auth import connect_signals

        connect_signals()  # the cached permission sets are dropped on every change, in every process
        from project import data_version

        data_version.connect()  # every committed write moves the data version on (the bot's answer cache)


def _seed_after_migrate(sender, app_config=None, using="default", plan=None, verbosity=1, **kwargs) -> None:
    """Seed the reference data after ``migrate`` applied migrations forwards (a fresh or upgraded database).

    Not after a test flush (``flush`` sends post_migrate without a plan) nor after a ``migrate`` with nothing to do,
    and not when ``settings.SEED_REFERENCE_ON_MIGRATE`` is off (the test settings).
    """
    from django.conf import settings

    if not getattr(settings, "SEED_REFERENCE_ON_MIGRATE", False) or not plan or using != "default":
        return
    if all(backwards for _, backwards in plan):
        return
    from evidence.services.reference import seed_reference_data

    log = print if verbosity >= 1 else (lambda _msg: None)
    log("Seeding reference data (aircraft types, organisations, regions)…")
    seed_reference_data(log=lambda msg: log(f"  {msg}"))


def _partitions_after_migrate(sender, app_config=None, using="default", plan=None, **kwargs) -> None:
    """PostgreSQL: the monthly mission partitions of the window around today exist after every ``migrate`` (not after
    a test flush, which sends the signal without a plan)."""
    if plan is None:
        return
    from django.db import connections

    from evidence.partitioning import maintain_partitions

    maintain_partitions(connection=connections[using])
