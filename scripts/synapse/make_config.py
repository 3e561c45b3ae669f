"""Write a throwaway Synapse homeserver config for tests: localhost only, SQLite, no federation key servers.

Run it with the Synapse venv's Python (it needs synapse and PyYAML):

    .venv-synapse/bin/python scripts/synapse/make_config.py --dir /tmp/hs --port 8008

Prints the config path. Registration stays closed; create users with ``register_new_matrix_user -c <config>``
(the generated ``registration_shared_secret``). Rate limits are lifted so tests can log in and send quickly.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import yaml

_NO_LIMIT = {"per_second": 1000, "burst_count": 1000}


def make_config(directory: Path, port: int, server_name: str = "localhost") -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    config_path = directory / "homeserver.yaml"
    subprocess.run(
        [
            sys.executable, "-m", "synapse.app.homeserver",
            "--server-name", server_name,
            "--config-path", str(config_path),
            "--data-directory", str(directory),
            "--generate-config",
            "--report-stats=no",
        ],
        check=True,
        cwd=directory,
        capture_output=True,
    )
    config = yaml.safe_load(config_path.read_text())
    log_config = directory / "log.yaml"
    log_config.write_text(
        yaml.safe_dump(
            {
                "version": 1,
                "formatters": {"precise": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
                "handlers": {
                    "file": {"class": "logging.FileHandler", "formatter": "precise",
                             "filename": str(directory / "homeserver.log")},
                },
                "root": {"level": "WARNING", "handlers": ["file"]},
                "disable_existing_loggers": False,
            }
        )
    )
    config.update(
        {
            "listeners": [
                {
                    "port": port,
                    "bind_addresses": ["127.0.0.1"],
                    "type": "http",
                    "tls": False,
                    "x_forwarded": False,
                    "resources": [{"names": ["client"], "compress": False}],
                }
            ],
            "database": {"name": "sqlite3", "args": {"database": str(directory / "homeserver.db")}},
            "log_config": str(log_config),
            "media_store_path": str(directory / "media_store"),
            "signing_key_path": str(directory / f"{server_name}.signing.key"),
            "pid_file": str(directory / "homeserver.pid"),
            "trusted_key_servers": [],
            "suppress_key_server_warning": True,
            "enable_registration": False,
            "report_stats": False,
            "presence": {"enabled": False},
            "url_preview_enabled": False,
            "rc_message": _NO_LIMIT,
            "rc_registration": _NO_LIMIT,
            "rc_login": {"address": _NO_LIMIT, "account": _NO_LIMIT, "failed_attempts": _NO_LIMIT},
            "rc_joins": {"local": _NO_LIMIT, "remote": _NO_LIMIT},
            "rc_invites": {"per_room": _NO_LIMIT, "per_user": _NO_LIMIT, "per_issuer": _NO_LIMIT},
        }
    )
    config_path.write_text(yaml.safe_dump(config, sort_keys=False))
    return config_path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, required=True)
    parser.add_argument("--port", type=int, default=8008)
    parser.add_argument("--server-name", default="localhost")
    args = parser.parse_args()
    print(make_config(args.dir, args.port, args.server_name))


if __name__ == "__main__":
    main()
