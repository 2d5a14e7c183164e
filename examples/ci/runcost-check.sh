#!/bin/sh
# runcost budget check for an application's CI job (GitHub Actions, GitLab CI, or any shell).
#
# 1. Obtains runcost at a pinned version: a cached binary for that version if there is one, else a
#    clone of that tag built once (release, Swift standard library linked in) and kept in the cache.
#    The binary carries its pricing tables, so the one file is all that is cached.
# 2. Runs `runcost check` on the budget: the text report goes to the job log, the Markdown report to
#    $RUNCOST_REPORTS/runcost-summary.md (and the GitHub step summary when $GITHUB_STEP_SUMMARY is
#    set), the JUnit report to $RUNCOST_REPORTS/runcost-junit.xml.
#
# Settings (environment):
#   RUNCOST_VERSION     the runcost tag to use, e.g. v0.1.0 (required; also the cache key)
#   RUNCOST_REPOSITORY  where to clone runcost from: a git URL or a local path (required)
#   RUNCOST_BUDGET      the budget file (default: runcost-budget.yaml)
#   RUNCOST_CACHE       where built binaries are kept, one per version (default: .runcost-cache)
#   RUNCOST_REPORTS     folder for the Markdown and JUnit reports (default: runcost-reports)
#   RUNCOST_CONFIGURATION  swift build configuration (default: release)
#
# Exit status: runcost check's own (0 every fail-rule passed, 1 a rule failed, 2 bad input),
# or 3 when runcost could not be obtained.
set -eu

version=${RUNCOST_VERSION:?set RUNCOST_VERSION to the runcost tag to use, e.g. v0.1.0}
repository=${RUNCOST_REPOSITORY:?set RUNCOST_REPOSITORY to the git URL of runcost (or a local clone)}
budget=${RUNCOST_BUDGET:-runcost-budget.yaml}
cache=${RUNCOST_CACHE:-.runcost-cache}
reports=${RUNCOST_REPORTS:-runcost-reports}
configuration=${RUNCOST_CONFIGURATION:-release}
binary="$cache/$version/runcost"

obtain() {
    echo "runcost $version: not cached; building it from $repository"
    git -c advice.detachedHead=false clone --quiet --depth 1 --branch "$version" "$repository" "$source/runcost" || return 1
    flags=""
    # A release binary with the Swift runtime linked in runs on any Linux with glibc and ncursesw.
    if [ "$configuration" = release ] && [ "$(uname -s)" = Linux ]; then flags="--static-swift-stdlib"; fi
    swift build --package-path "$source/runcost" -c "$configuration" --product runcost $flags || return 1
    mkdir -p "$cache/$version" || return 1
    # Copied under a temporary name, then renamed: a cancelled job never leaves half a binary.
    cp "$source/runcost/.build/$configuration/runcost" "$binary.$$.tmp" && mv "$binary.$$.tmp" "$binary"
}

if [ -x "$binary" ]; then
    echo "runcost $version: using the cached $binary"
else
    source=$(mktemp -d)
    obtained=0
    obtain && obtained=1
    rm -rf "$source" "$binary.$$.tmp"
    if [ "$obtained" = 0 ]; then
        echo "runcost-check: could not obtain runcost $version from $repository" >&2
        exit 3
    fi
fi

mkdir -p "$reports"
status=0
# The text report, in the job log; its exit status is the job's.
"$binary" check "$budget" || status=$?
# The same check as Markdown and JUnit (same inputs, same verdict) for the summary and test report.
"$binary" check "$budget" --format markdown --output "$reports/runcost-summary.md" 2>/dev/null || true
"$binary" check "$budget" --format junit --output "$reports/runcost-junit.xml" 2>/dev/null || true
if [ -n "${GITHUB_STEP_SUMMARY:-}" ] && [ -f "$reports/runcost-summary.md" ]; then
    cat "$reports/runcost-summary.md" >> "$GITHUB_STEP_SUMMARY"
fi
exit "$status"
