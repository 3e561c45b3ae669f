"""Configuration from the environment: production refuses to start without a secret and passes check --deploy."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    base = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SECRET_KEY", "DEBUG", "ALLOWED_HOSTS"}}
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env={**base, **env}, capture_output=True, text=True, timeout=120
    )


def test_production_requires_a_secret_key():
    result = run_manage("check", DJANGO_ENV="production", ALLOWED_HOSTS="example.org")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_production_settings_pass_check_deploy():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_ENV="production",
        DJANGO_SECRET_KEY="x" * 20 + "a-long-random-secret-for-the-check-only-9f8e7d6c5b4a",
        ALLOWED_HOSTS="flightcheck.example.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_unknown_environment_name_is_refused():
    result = run_manage("check", DJANGO_ENV="prod")
    assert result.returncode != 0 and "DJANGO_ENV must be" in result.stderr


def test_development_defaults_to_sqlite_under_var_and_in_process_tasks():
    code = (
        "from django.conf import settings as s; "
        "print(s.DATABASES['default']['ENGINE'], s.DATABASES['default']['NAME'], s.CELERY_TASK_ALWAYS_EAGER, s.DEBUG, "
        "sep='|')"
    )
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "CELERY_BROKER_URL"}}
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env={**env, "DJANGO_ENV": "development"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    # one line, fields split by "|": a clone's path may hold spaces
    engine, name, eager, debug = result.stdout.strip().splitlines()[-1].split("|")
    assert engine == "django.db.backends.sqlite3" and name == str(ROOT / "var" / "flightcheck.sqlite3")
    assert eager == "True" and debug == "True"


def _production_setting(expression: str, **env: str) -> subprocess.CompletedProcess:
    code = f"from django.conf import settings as s; print(repr({expression}))"
    base = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SECRET_KEY", "DEBUG", "ALLOWED_HOSTS"}}
    return subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env={**base, "DJANGO_ENV": "production", "DJANGO_SECRET_KEY": "k" * 50, "ALLOWED_HOSTS": "x.example", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_tls_proxy_header_and_https_redirect_come_from_the_environment():
    default = _production_setting("(s.SECURE_PROXY_SSL_HEADER, s.SECURE_SSL_REDIRECT)")
    assert default.stdout.strip().splitlines()[-1] == "(('HTTP_X_FORWARDED_PROTO', 'https'), True)", default.stderr
    other = _production_setting(
        "(s.SECURE_PROXY_SSL_HEADER, s.SECURE_SSL_REDIRECT)",
        SECURE_PROXY_SSL_HEADER="X-Forwarded-SSL=on",
        SECURE_SSL_REDIRECT="false",
    )
    assert other.stdout.strip().splitlines()[-1] == "(('HTTP_X_FORWARDED_SSL', 'on'), False)", other.stderr
    direct = _production_setting("s.SECURE_PROXY_SSL_HEADER", SECURE_PROXY_SSL_HEADER="")
    assert direct.stdout.strip().splitlines()[-1] == "None", direct.stderr


def test_malformed_tls_proxy_header_is_refused_with_the_expected_form():
    result = _production_setting("s.SECURE_PROXY_SSL_HEADER", SECURE_PROXY_SSL_HEADER="X-Forwarded-Proto")
    assert result.returncode != 0
    assert "SECURE_PROXY_SSL_HEADER must be HEADER=value" in result.stderr
