# Shared helpers for the project's shell scripts. Source it, don't run it:
#   source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# It sets REPO_ROOT (absolute) and never changes the caller's options or cwd.

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export REPO_ROOT

if [[ -t 1 && -z "${NO_COLOR:-}" ]]; then
    _c_bold=$'\e[1m' _c_red=$'\e[31m' _c_green=$'\e[32m' _c_yellow=$'\e[33m' _c_off=$'\e[0m'
else
    _c_bold='' _c_red='' _c_green='' _c_yellow='' _c_off=''
fi

# A visible section header, so a long CI log can be skimmed.
section() {
    printf '\n%s==> %s%s\n' "$_c_bold" "$*" "$_c_off"
}

info() { printf '    %s\n' "$*"; }
warn() { printf '%swarning:%s %s\n' "$_c_yellow" "$_c_off" "$*" >&2; }
die() {
    printf '%serror:%s %s\n' "$_c_red" "$_c_off" "$*" >&2
    exit 1
}

is_root() { [[ "$(id -u)" -eq 0 ]]; }

# Run a command as root: directly when we are root, else through sudo when
# that works without a password prompt, else fail with the command to run.
as_root() {
    if is_root; then
        "$@"
    elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        sudo -n "$@"
    else
        die "needs root: run '$*' as root (or with sudo) and try again"
    fi
}

# apt_install PKG…: install Debian packages that are missing, running
# `apt-get update` at most once per script run. Non-interactive on purpose
# (CI has no stdin).
_APT_UPDATED=0
apt_install() {
    local missing=() pkg
    for pkg in "$@"; do
        if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
            missing+=("$pkg")
        fi
    done
    [[ ${#missing[@]} -eq 0 ]] && return 0
    command -v apt-get >/dev/null 2>&1 || die "apt-get not found; install ${missing[*]} by hand"
    info "installing from apt: ${missing[*]}"
    if [[ $_APT_UPDATED -eq 0 ]]; then
        as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q \
            || die "apt-get update failed"
        _APT_UPDATED=1
    fi
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
        -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold \
        "${missing[@]}" </dev/null \
        || die "apt-get install ${missing[*]} failed"
}

# A TCP port on 127.0.0.1 that nothing listens on right now. There is a small
# window before the caller binds it; callers that can retry do.
free_port() {
    python3 - <<'EOF'
import socket
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()
EOF
}

# wait_http URL SECONDS: poll until URL answers 2xx, for at most SECONDS.
wait_http() {
    local url=$1 limit=${2:-30} i
    for ((i = 0; i < limit * 5; i++)); do
        if curl -fsS -o /dev/null --max-time 2 "$url" 2>/dev/null; then
            return 0
        fi
        sleep 0.2
    done
    return 1
}

# Make sure the wasm32 target is there (rustup is how the toolchain arrived).
ensure_wasm_target() {
    if ! rustup target list --installed 2>/dev/null | grep -qx 'wasm32-unknown-unknown'; then
        info "adding rustup target wasm32-unknown-unknown"
        rustup target add wasm32-unknown-unknown || die "rustup target add wasm32-unknown-unknown failed"
    fi
}

# Seconds since the epoch with a fraction, for step timings.
now_s() { date +%s.%N; }
