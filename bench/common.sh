# Sourced by the benchmark scripts. A benchmark whose requests fail prints no figure as if it were one: it exits
# non-zero naming what failed. SMOKE=1 runs a benchmark for a few seconds on small sizes, its figures ignored: CI runs
# each benchmark so, so that one that no longer matches the API fails the build.

smoke() { [[ "${SMOKE:-}" == 1 ]]; }

# Fails unless a figure line reports "failures 0" (the Java and Lua load generators print it).
no_failures() { # line
  local n
  n=$(echo "$1" | sed -n 's/.*failures \([0-9][0-9]*\).*/\1/p')
  if [[ "$n" != 0 ]]; then
    echo "BENCHMARK FAILED: requests failed: $1" >&2
    exit 1
  fi
}

# Fails when wrk's output (a file) shows answers other than 2xx/3xx or socket errors.
wrk_ok() { # file
  if grep -qE 'Non-2xx or 3xx responses|Socket errors' "$1"; then
    echo "BENCHMARK FAILED: wrk met failed requests in $1:" >&2
    grep -E 'Non-2xx or 3xx responses|Socket errors' "$1" >&2
    exit 1
  fi
}

# Fails unless a JSON answer (text) holds the member, e.g. '"clean":true'.
holds() { # text member what
  if [[ "$1" != *"$2"* ]]; then
    echo "BENCHMARK FAILED: $3: $1" >&2
    exit 1
  fi
}
