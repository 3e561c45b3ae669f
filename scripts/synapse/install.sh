#!/usr/bin/env bash
# Install matrix-synapse (AGPL, a test-only dependency) into its own venv, .venv-synapse, for the Matrix bot's
# integration test (tests/chat/test_matrix_synapse.py). Idempotent. Usage: scripts/synapse/install.sh [venv-dir]
set -euo pipefail
cd "$(dirname "$0")/../.."
VENV="${1:-.venv-synapse}"
PYTHON="${PYTHON:-python3.11}"
SYNAPSE_VERSION="${SYNAPSE_VERSION:-1.163.2}"
if [ -x "$VENV/bin/python" ] && "$VENV/bin/python" -c "import synapse, sys; sys.exit(synapse.__version__ != '$SYNAPSE_VERSION')" 2>/dev/null; then
    echo "matrix-synapse $SYNAPSE_VERSION already installed in $VENV"
    exit 0
fi
"$PYTHON" -m venv "$VENV"
"$VENV/bin/pip" install --quiet --upgrade pip
"$VENV/bin/pip" install --quiet "matrix-synapse==$SYNAPSE_VERSION"
"$VENV/bin/python" -c "import synapse; print('matrix-synapse', synapse.__version__, 'installed in $VENV')"
