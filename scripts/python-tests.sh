#!/usr/bin/env bash
# The Python package's tests and the Spark example's, as CI runs them.
#
#   scripts/python-tests.sh [PYTEST ARGS...]
#
# Builds the `fouille` command line (release), installs ./crates/python with pytest and pyspark
# into a virtual environment under target/python-tests/ (made on first use, reused after; set
# FOUILLE_VENV to put it elsewhere, PYTHON to choose the interpreter), then runs
# crates/python/tests and examples/spark with pytest. Needs Python 3.9 or later (3.10 or
# later for pyspark 4), Java 17 or later for Spark, and the Rust toolchain; downloads only
# from PyPI and crates.io. Set FOUILLE_SKIP_SPARK=1 to leave the Spark test out.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

python=${PYTHON:-python3}
venv=${FOUILLE_VENV:-$root/target/python-tests/venv}
skip_spark=${FOUILLE_SKIP_SPARK:-0}

say() { printf '\n== %s\n' "$*"; }

command -v "$python" >/dev/null || { echo "python-tests: $python not found (set PYTHON)" >&2; exit 1; }
if [ "$skip_spark" != 1 ] && ! command -v java >/dev/null; then
    echo "python-tests: java not found: Spark needs Java 17 or later (or set FOUILLE_SKIP_SPARK=1)" >&2
    exit 1
fi

say "command line (cargo build --release)"
cargo build --release --quiet --bin fouille

if ! "$venv/bin/python" -c 'import sys' 2>/dev/null; then
    say "virtual environment $venv"
    rm -rf "$venv"
    "$python" -m venv "$venv"
fi
pip=("$venv/bin/python" -m pip --disable-pip-version-check --quiet)

say "pip install ./crates/python pytest pyspark"
packages=("pytest>=8")
[ "$skip_spark" = 1 ] || packages+=("pyspark>=4,<5")
"${pip[@]}" install "${packages[@]}"
# Always rebuilt from the working tree (cargo's incremental build keeps this quick).
"${pip[@]}" install --force-reinstall --no-deps ./crates/python

say "the README's first line of Python"
"$venv/bin/python" -c "import fouille; print(fouille.extract(open('fixtures/burkina-faso-partenariats.txt').read())['entities'][0])"

say "pytest"
tests=(crates/python/tests)
[ "$skip_spark" = 1 ] || tests+=(examples/spark)
# The tests compare with this binary; Spark stays on the loopback interface.
export FOUILLE_CLI="$root/target/release/fouille"
export SPARK_LOCAL_IP=127.0.0.1
"$venv/bin/python" -m pytest -q -p no:cacheprovider "${tests[@]}" "$@"
