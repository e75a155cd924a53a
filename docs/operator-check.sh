#!/usr/bin/env bash
# Follow docs/operations.md end to end on a scratch Debian 12 machine and check that the portal
# runs: PostgreSQL + Redis + gunicorn behind nginx, the timers' jobs, backup and restore, upgrade.
#
# Run as root on a machine you can throw away (a VM or container): it installs packages, creates
# the user, directories, database and /etc/photonik/env of the guide, and overwrites them on
# the next run. It refuses to touch an installation it did not make itself (FORCE=1 overrides).
#
#   docs/operator-check.sh                  the committed state of the repository it lives in
#   WORKTREE=1 docs/operator-check.sh       … plus the uncommitted changes of its working tree
#   REPO=https://git.example.org/photonik-karriere.git docs/operator-check.sh
#
# The unit files, timers, the nginx site and the backup job are taken from the guide's own
# text, so the check fails when the guide does. The services are started the way their units
# would start them (User=, WorkingDirectory=, EnvironmentFile=, ExecStart=) without systemctl,
# so the check also runs where systemd is not PID 1; `systemd-analyze verify` checks the units.
# gunicorn runs in the unit's sandbox, roughly: a mount namespace in which everything but
# ReadWritePaths= is read-only (ProtectSystem=strict), with PrivateTmp= and ProtectHome=.
#
# Idempotent: every step can run again. Stops what it started (gunicorn, the SMTP sink, nginx
# unless it was running before) and prints PASS/FAIL per step; exit status 1 on any failure.
# Leaves the installation in place (user photonik, /srv/photonik, /etc/photonik, database
# photonik, units) — a scratch machine is thrown away afterwards.
#
# Settings (environment): REPO, WORKTREE (0), SEED_DEMO (1: load the demo data, so pages,
# search, alerts and the backup have content), SERVER_NAME (karriere.example.org),
# DB_PASSWORD, ADMIN_EMAIL, ADMIN_PASSWORD, SMTP_PORT (2525: a local SMTP sink takes the mail).

# Single quotes around $… are deliberate throughout (sh -c scripts, sed, patterns):
# shellcheck disable=SC2016
set -euo pipefail
exec </dev/null

HERE=$(dirname "$(readlink -f "$0")")
GUIDE="$HERE/operations.md"
REPO="${REPO:-$(dirname "$HERE")}" # a git repository (its committed state) or a URL
WORKTREE="${WORKTREE:-0}"
SEED_DEMO="${SEED_DEMO:-1}"
SERVER_NAME="${SERVER_NAME:-karriere.example.org}"
DB_PASSWORD="${DB_PASSWORD:-operator-check-db-2026}"
ADMIN_EMAIL="${ADMIN_EMAIL:-staff@example.org}"
ADMIN_PASSWORD="${ADMIN_PASSWORD:-Operator-Check-2026-Login}"
SMTP_PORT="${SMTP_PORT:-2525}"
FORCE="${FORCE:-0}"

APP=/srv/photonik/app
VENV=/srv/photonik/venv
ENV_FILE=/etc/photonik/env
MARKER=/etc/photonik/.made-by-operator-check
UNITS=/etc/systemd/system
SERVICE="$UNITS/photonik.service"
TASK="$UNITS/photonik-task@.service"
SITE=/etc/nginx/sites-available/photonik
BACKUPS=/var/backups/photonik
WORK=/var/tmp/photonik-operator-check # logs, the repository bundle, the restore scratch area
GUNICORN_LOG="$WORK/gunicorn.log"
DIRECT=http://127.0.0.1:8000
VIA_NGINX=(curl -sS --max-time 20 --resolve "$SERVER_NAME:443:127.0.0.1" --resolve "$SERVER_NAME:80:127.0.0.1")
export DEBIAN_FRONTEND=noninteractive

# --- steps: PASS/FAIL/SKIP with their times, printed however the script ends -------------------

STEPS=(
    preflight "preflight: root, Debian 12, a scratch machine"
    install_packages "§2 apt packages"
    create_user_and_dirs "§2 user photonik and directories"
    clone_repository "§2 clone into $APP"
    install_venv "§2 venv, pip install, compile translations"
    create_database "§2 database and role; PostgreSQL and Redis up"
    write_env_file "§3 /etc/photonik/env"
    start_smtp_sink "local SMTP sink on 127.0.0.1:$SMTP_PORT (stands in for the relay)"
    schema_and_accounts "§3 db upgrade, reindex, create-user (+ demo data, a logo)"
    install_units "§4 units and timers, systemd-analyze verify"
    start_gunicorn "§4 photonik.service: its ExecStart, as photonik, in its sandbox"
    check_direct "§6 /healthz, pages, static, request log, nothing written outside ReadWritePaths"
    run_timer_tasks "§4 timer jobs as photonik-task@.service runs them"
    check_nginx "§5 nginx: nginx -t, TLS, redirect, static, proxy, login"
    backup "§7 nightly backup as documented"
    restore "§7 restore into a second database, data compared"
    upgrade "§8 upgrade: pull, pip install, compile, db upgrade (no-op), reload"
    stop_services "stop what the check started"
)
RESULTS=()
CURRENT=""
STARTED=0
GUNICORN_PID=""
SMTP_PID=""
NGINX_STARTED=0

step() {
    CURRENT="$2"
    STARTED=$SECONDS
    echo
    echo "=== [$(date +%T)] $CURRENT"
    "$1"
    RESULTS+=("$(printf 'PASS %5ss  %s' $((SECONDS - STARTED)) "$CURRENT")")
    CURRENT=""
}

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

summary() {
    local status=$? i done_count=${#RESULTS[@]} failed_at=-1
    cleanup
    echo
    echo "=== operator check summary (docs/operations.md)"
    for ((i = 0; i < ${#RESULTS[@]}; i++)); do echo "${RESULTS[i]}"; done
    if [[ -n "$CURRENT" ]]; then
        printf 'FAIL %5ss  %s  (exit %s)\n' $((SECONDS - STARTED)) "$CURRENT" "$status"
        failed_at=$done_count
        ((status != 0)) || status=1
    fi
    for ((i = 2 * (done_count + (failed_at >= 0 ? 1 : 0)); i < ${#STEPS[@]}; i += 2)); do
        printf 'SKIP %6s  %s\n' "" "${STEPS[i + 1]}"
    done
    printf '%11ss  total\n' "$SECONDS"
    if ((status == 0)); then echo "=== PASS"; else echo "=== FAIL (exit $status)"; fi
    exit "$status"
}

# Stop what this run started; idempotent (also runs from the EXIT trap).
cleanup() {
    if [[ -n "$GUNICORN_PID" ]] && kill -0 "$GUNICORN_PID" 2>/dev/null; then
        echo "+ stopping gunicorn (pid $GUNICORN_PID)"
        kill -TERM "$GUNICORN_PID"
        wait "$GUNICORN_PID" 2>/dev/null || true
    fi
    GUNICORN_PID=""
    rm -f "$WORK/gunicorn.pid"
    if [[ -n "$SMTP_PID" ]] && kill -0 "$SMTP_PID" 2>/dev/null; then
        echo "+ stopping the SMTP sink (pid $SMTP_PID)"
        kill -TERM "$SMTP_PID"
        wait "$SMTP_PID" 2>/dev/null || true
    fi
    SMTP_PID=""
    rm -f "$WORK/smtp.pid"
    if ((NGINX_STARTED)); then
        echo "+ stopping nginx (nginx -s quit)"
        nginx -s quit || true
        NGINX_STARTED=0
    fi
}

trap summary EXIT

# --- helpers -------------------------------------------------------------------------------

# The first fenced code block after the first line of the guide that contains $1 (fixed text).
guide_block() {
    awk -v marker="$1" '
        !found && index($0, marker) { found = 1; next }
        found && /^```/ { if (inside) exit; inside = 1; next }
        inside { print }
    ' "$GUIDE"
}

# The value of KEY= in a unit file (the first occurrence).
unit_value() {
    sed -n "s/^$2=//p" "$1" | head -n 1
}

# Run a command line in ExecStart syntax as unit $1 would run it: as its User=/Group= with the
# environment systemd gives a service (PATH, LANG, HOME, USER, LOGNAME, SHELL) plus its
# EnvironmentFile=, in its WorkingDirectory=, and with its sandbox: NoNewPrivileges=, and for
# ProtectSystem=strict a private mount namespace in which everything but ReadWritePaths= (and
# /dev, /proc, /sys) is read-only, with PrivateTmp= and ProtectHome= as the unit asks.
# Replaces the calling shell: call it in ( … ).
as_unit() {
    local unit=$1 command=$2 user group workdir envfile home run
    user=$(unit_value "$unit" User)
    group=$(unit_value "$unit" Group)
    workdir=$(unit_value "$unit" WorkingDirectory)
    envfile=$(unit_value "$unit" EnvironmentFile)
    home=$(getent passwd "$user" | cut -d: -f6)
    run=(setpriv --reuid="$user" --regid="$group" --init-groups)
    [[ "$(unit_value "$unit" NoNewPrivileges)" != true ]] || run+=(--no-new-privs)
    run+=(env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8
        HOME="$home" USER="$user" LOGNAME="$user" SHELL=/usr/sbin/nologin
        /bin/sh -c 'set -a; . "$1" || exit 201; set +a; cd "$2" || exit 200; eval "exec $3"'
        sh "$envfile" "$workdir" "$command")
    if [[ "$(unit_value "$unit" ProtectSystem)" != strict ]]; then
        exec "${run[@]}"
    fi
    if ! unshare --mount true 2>/dev/null; then
        echo "no mount namespaces here: $unit runs without its sandbox" >&2
        exec "${run[@]}"
    fi
    exec unshare --mount --propagation private -- /bin/sh -c "$SANDBOX" sh \
        "$(unit_value "$unit" ReadWritePaths)" "$(unit_value "$unit" PrivateTmp)" \
        "$(unit_value "$unit" ProtectHome)" "${run[@]}"
}

# ProtectSystem=strict, ReadWritePaths=, PrivateTmp=, ProtectHome= — roughly as systemd does it.
# shellcheck disable=SC2016
SANDBOX='
rw=$1 private_tmp=$2 protect_home=$3
shift 3
for path in $rw; do mount --bind "$path" "$path" || exit 210; done
for mountpoint in $(cut -d " " -f 5 /proc/self/mountinfo | sort -u); do
    case "$mountpoint" in /proc | /proc/* | /dev | /dev/* | /sys | /sys/*) continue ;; esac
    case " $rw " in *" $mountpoint "*) continue ;; esac
    mount -o remount,bind,ro "$mountpoint" 2>/dev/null ||
        echo "sandbox: could not make $mountpoint read-only" >&2
done
if [ "$private_tmp" = true ]; then
    mount -t tmpfs -o mode=1777 tmpfs /tmp && mount -t tmpfs -o mode=1777 tmpfs /var/tmp || exit 211
fi
if [ "$protect_home" = true ]; then
    for dir in /home /root /run/user; do
        if [ -d "$dir" ]; then mount -t tmpfs -o ro,mode=755 tmpfs "$dir" || exit 212; fi
    done
fi
if touch /srv/.photonik-sandbox-probe 2>/dev/null; then
    rm -f /srv/.photonik-sandbox-probe
    echo "sandbox: / is still writable" >&2
    exit 213
fi
exec "$@"
'

# `flask --app portal …` the way §3 runs it: env file exported, as photonik, in the checkout.
# Extra NAME=value words before "--" override variables of the env file.
portal_flask() {
    local overrides=()
    while [[ $# -gt 0 && $1 != -- ]]; do overrides+=("$1") && shift; done
    [[ ${1:-} == -- ]] && shift
    (
        set -a
        # shellcheck disable=SC1090
        . "$ENV_FILE"
        ((${#overrides[@]} == 0)) || export "${overrides[@]}"
        set +a
        cd "$APP"
        sudo -E -u photonik "$VENV/bin/flask" --app portal "$@"
    )
}

psql_as_postgres() {
    sudo -u postgres psql -X -q -v ON_ERROR_STOP=1 -tA "$@"
}

# GET $2 with curl (the array in $1), expect HTTP status $3; the body lands in $WORK/body, the
# headers in $WORK/headers. Further arguments go to curl.
fetch() {
    local -n client=$1
    local url=$2 expected=$3 code
    shift 3
    code=$("${client[@]}" -o "$WORK/body" -D "$WORK/headers" -w '%{http_code}' "$@" "$url") ||
        fail "GET $url: curl failed"
    if [[ "$code" != "$expected" ]]; then
        head -c 2000 "$WORK/body" >&2 || true
        fail "GET $url answered $code, expected $expected"
    fi
    echo "  $code  $url"
}

header() {
    sed -n "s/^$1: *//Ip" "$WORK/headers" | tr -d '\r' | tail -n 1
}

expect_healthy() {
    python3 - "$WORK/body" <<'PY' || fail "/healthz is not all ok: $(cat "$WORK/body")"
import json, sys
body = json.load(open(sys.argv[1]))
sys.exit(body != {"status": "ok", "database": "ok", "search": "ok", "mail": "ok"})
PY
    echo "  healthz: $(cat "$WORK/body")"
}

# Rows of every table (count and a hash of their text) and the sequence positions of a database.
fingerprint() {
    local table
    for table in $(psql_as_postgres -d "$1" -c \
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"); do
        printf '%s ' "$table"
        psql_as_postgres -d "$1" -c "SELECT count(*), md5(coalesce(string_agg(t::text, chr(10) \
            ORDER BY t::text), '')) FROM \"$table\" t"
    done
    psql_as_postgres -d "$1" -c "SELECT 'sequence ' || sequencename, last_value FROM pg_sequences \
        ORDER BY 1"
}

port_in_use() {
    ss -Hltn "sport = :$1" | grep -q .
}

# A process this script started on an earlier run (pid file) is stopped before a new one starts.
stop_leftover() {
    local pidfile=$1 pattern=$2 pid
    [[ -f "$pidfile" ]] || return 0
    pid=$(cat "$pidfile")
    if kill -0 "$pid" 2>/dev/null && grep -qa -- "$pattern" "/proc/$pid/cmdline"; then
        echo "+ stopping pid $pid left over from an earlier run"
        kill -TERM "$pid"
        for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    fi
    rm -f "$pidfile"
}

systemd_running() {
    [[ -d /run/systemd/system ]]
}

# --- the steps -----------------------------------------------------------------------------

preflight() {
    ((EUID == 0)) || fail "run as root"
    grep -q '^12\.' /etc/debian_version 2>/dev/null || fail "this is not Debian 12"
    [[ -f "$GUIDE" ]] || fail "$GUIDE not found"
    if [[ -e "$ENV_FILE" && ! -e "$MARKER" && "$FORCE" != 1 ]]; then
        fail "$ENV_FILE exists and was not written by this check: this looks like a real" \
            "installation. Run the check on a scratch machine (FORCE=1 to go ahead anyway)."
    fi
    install -d -m 755 "$WORK"
    echo "guide: $GUIDE"
    echo "repository: $REPO"
    if [[ -d "$REPO" ]] && command -v git >/dev/null &&
        [[ -n "$(git -C "$REPO" status --porcelain 2>/dev/null)" ]]; then
        if [[ "$WORKTREE" == 1 ]]; then
            echo "WORKTREE=1: the uncommitted changes are copied into the clone"
        else
            echo "note: $REPO has uncommitted changes; they are NOT checked (WORKTREE=1 does)"
        fi
    fi
    stop_leftover "$WORK/gunicorn.pid" "$VENV/bin/gunicorn"
    stop_leftover "$WORK/smtp.pid" smtpd
    for port in 8000 "$SMTP_PORT"; do
        ! port_in_use "$port" || fail "port $port is in use: $(ss -Hltnp "sport = :$port")"
    done
}

install_packages() {
    local line packages missing=() pkg
    line=$(guide_block "## 2. Install" | grep -m 1 '^apt-get install -y ')
    [[ -n "$line" ]] || fail "no 'apt-get install -y' line in §2 of the guide"
    read -ra packages <<<"${line#apt-get install -y }"
    # What this script needs besides, for its checks (most are on every Debian already).
    for pkg in "${packages[@]}" curl openssl ca-certificates iproute2 procps util-linux systemd; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" ||
            missing+=("$pkg")
    done
    if ((${#missing[@]})); then
        echo "+ apt-get update && apt-get install -y ${missing[*]}"
        apt-get update
        apt-get install -y "${missing[@]}"
    fi
    echo "+ $line"
    $line
}

create_user_and_dirs() {
    if id photonik >/dev/null 2>&1; then
        echo "user photonik exists"
    else
        echo "+ adduser --system --group --home /srv/photonik photonik"
        adduser --system --group --home /srv/photonik photonik
    fi
    local line
    line=$(guide_block "## 2. Install" | grep -m 1 '^install -d ')
    echo "+ $line"
    $line
}

overlay_worktree() {
    [[ "$WORKTREE" == 1 && -d "$REPO" ]] || return 0
    echo "+ copying the working tree's uncommitted changes into $APP (WORKTREE=1)"
    git -C "$REPO" ls-files -z --deleted | (cd "$APP" && xargs -0 -r rm -f --)
    git -C "$REPO" ls-files -z --cached --others --exclude-standard |
        (cd "$REPO" && while IFS= read -r -d '' f; do
            if [[ -f "$f" ]]; then printf '%s\0' "$f"; fi
        done) |
        tar -C "$REPO" --null -T - -cf - | sudo -u photonik tar -C "$APP" -xf -
}

# A local repository belongs to another user: git refuses to clone it as photonik ("dubious
# ownership"), so photonik clones a bundle of it instead; a URL is cloned as it is.
clone_source() {
    if [[ -d "$REPO" ]]; then
        local refs=(HEAD) branch
        branch=$(git -C "$REPO" symbolic-ref -q HEAD) && refs+=("$branch")
        git -C "$REPO" bundle create "$WORK/repository.bundle" "${refs[@]}" 2>"$WORK/bundle.log" ||
            { cat "$WORK/bundle.log" >&2; fail "cannot bundle $REPO (REPO must be a git repository or a URL)"; }
        chmod 644 "$WORK/repository.bundle"
        echo "$WORK/repository.bundle"
    else
        echo "$REPO"
    fi
}

clone_repository() {
    local source
    source=$(clone_source)
    if [[ -d "$APP/.git" ]]; then
        echo "$APP exists: updating it as §8 does"
        (
            cd "$APP"
            sudo -u photonik git reset -q --hard
            sudo -u photonik git clean -q -fd
            sudo -u photonik git remote set-url origin "$source"
            sudo -u photonik git pull -q --ff-only
        )
    else
        echo "+ sudo -u photonik git clone $source $APP"
        (cd /srv/photonik && sudo -u photonik git clone -q "$source" "$APP")
    fi
    overlay_worktree
    echo "checked out: $(sudo -u photonik git -C "$APP" log -1 --format='%h %s')"
}

install_venv() {
    local block line
    block=$(guide_block "## 2. Install")
    cd "$APP"
    for line in "sudo -u photonik python3 -m venv" "sudo -u photonik /srv/photonik/venv/bin/pip" \
        "sudo -u photonik /srv/photonik/venv/bin/pybabel"; do
        line=$(grep -m 1 -F "$line" <<<"$block") || fail "§2 has no line '$line…'"
        echo "+ $line"
        $line
    done
    cd /
    # The installed package must be the checkout (templates, static files, translations and
    # migrations live beside portal/), whatever the current directory is.
    local where
    where=$(cd / && sudo -u photonik "$VENV/bin/python" -c \
        'import portal, pathlib; print(pathlib.Path(portal.__file__).resolve().parent.parent)')
    [[ "$where" == "$APP" ]] || fail "outside $APP, the venv imports portal from $where"
    echo "portal is imported from $where"
    [[ -f "$APP/translations/de/LC_MESSAGES/messages.mo" ]] || fail "messages.mo not compiled"
}

create_database() {
    if systemd_running; then
        echo "+ systemctl enable --now postgresql redis-server"
        systemctl enable --now postgresql redis-server
    fi
    if ! pg_isready -q; then
        echo "PostgreSQL is not running (no systemd): pg_ctlcluster 15 main start"
        pg_ctlcluster 15 main start
    fi
    if ! redis-cli -h 127.0.0.1 ping >/dev/null 2>&1; then
        echo "Redis is not running (no systemd): redis-server --daemonize yes"
        redis-server --daemonize yes
    fi
    pg_isready
    echo "redis: $(redis-cli -h 127.0.0.1 ping)"
    if [[ -z "$(psql_as_postgres -c "SELECT 1 FROM pg_roles WHERE rolname = 'photonik'")" ]]; then
        echo "+ sudo -u postgres psql -c \"CREATE ROLE photonik LOGIN PASSWORD '…'\""
        sudo -u postgres psql -c "CREATE ROLE photonik LOGIN PASSWORD '$DB_PASSWORD'"
    else
        echo "role photonik exists: setting the check's password"
        psql_as_postgres -c "ALTER ROLE photonik LOGIN PASSWORD '$DB_PASSWORD'"
    fi
    if [[ -z "$(psql_as_postgres -c "SELECT 1 FROM pg_database WHERE datname = 'photonik'")" ]]; then
        echo "+ sudo -u postgres psql -c \"CREATE DATABASE photonik OWNER photonik\""
        sudo -u postgres psql -c "CREATE DATABASE photonik OWNER photonik"
    else
        echo "database photonik exists"
    fi
}

write_env_file() {
    local secret="" guide_keys our_keys
    if [[ -f "$ENV_FILE" ]]; then
        secret=$(sed -n 's/^SECRET_KEY=//p' "$ENV_FILE")
    fi
    [[ -n "$secret" ]] || secret=$(python3 -c "import secrets; print(secrets.token_urlsafe(48))")
    # The guide's commands, with the check's values: a local SMTP sink without TLS or login.
    install -d -m 750 -g photonik /etc/photonik
    touch "$MARKER"
    install -m 640 -g photonik /dev/null "$ENV_FILE.new"
    cat >"$ENV_FILE.new" <<ENV
PORTAL_ENV=production
SECRET_KEY=$secret
DATABASE_URL=postgresql+psycopg://photonik:$DB_PASSWORD@localhost/photonik
RATELIMIT_STORAGE_URI=redis://127.0.0.1:6379/0
TRUSTED_PROXIES=1
SEARCH_INDEX_DIR=/var/lib/photonik/index
UPLOAD_DIR=/var/lib/photonik/uploads
MAIL_BACKEND=smtp
MAIL_SERVER=127.0.0.1
MAIL_PORT=$SMTP_PORT
MAIL_USE_TLS=0
MAIL_SENDER='Photonik Karriere <noreply@example.org>'
SERVER_NAME=$SERVER_NAME
PREFERRED_URL_SCHEME=https
ENV
    mv "$ENV_FILE.new" "$ENV_FILE"
    ls -l "$ENV_FILE"
    # Same variables as the guide's file (the check's relay needs no login).
    guide_keys=$(guide_block "## 3. Configuration" | sed -n 's/^\([A-Z_]*\)=.*/\1/p' |
        grep -vx -e MAIL_USERNAME -e MAIL_PASSWORD | sort)
    our_keys=$(sed -n 's/^\([A-Z_]*\)=.*/\1/p' "$ENV_FILE" | sort)
    [[ "$guide_keys" == "$our_keys" ]] ||
        fail "the variables differ from the guide's: $(diff <(echo "$guide_keys") <(echo "$our_keys") | tr '\n' ' ')"
    # §3 sources the file in sh and systemd reads it as EnvironmentFile: both must see the same
    # values — the guide's own example too (its <placeholder> lines aside).
    guide_block "## 3. Configuration" | sed -n '/^PORTAL_ENV=/,/^ENV$/p' | sed '/^ENV$/d; /=</d' \
        >"$WORK/guide-env"
    env -i bash -c 'set -e -a; . "$1"; [[ "$MAIL_SENDER" == *"<"*">" ]]' sh "$WORK/guide-env" ||
        fail "the guide's example env file does not source in sh (§3: set -a; . /etc/photonik/env)"
    env -i bash -c 'set -e -a; . "$1"; [[ "$MAIL_SENDER" == "Photonik Karriere <noreply@example.org>" ]]' \
        sh "$ENV_FILE" || fail "$ENV_FILE does not source cleanly in sh"
    echo "the guide's example and $ENV_FILE source cleanly in sh"
}

start_smtp_sink() {
    # Python 3.11's smtpd (Debian 12) prints every message it receives.
    /usr/bin/python3 -u -W ignore -m smtpd -n -c DebuggingServer "127.0.0.1:$SMTP_PORT" \
        >"$WORK/smtp.log" 2>&1 &
    SMTP_PID=$!
    echo "$SMTP_PID" >"$WORK/smtp.pid"
    for _ in $(seq 50); do port_in_use "$SMTP_PORT" && break; sleep 0.1; done
    port_in_use "$SMTP_PORT" || fail "the SMTP sink did not start: $(cat "$WORK/smtp.log")"
    echo "SMTP sink pid $SMTP_PID, log $WORK/smtp.log"
}

schema_and_accounts() {
    echo "+ flask --app portal db upgrade"
    portal_flask -- db upgrade
    if [[ "$SEED_DEMO" == 1 ]]; then
        # Never on a real installation (the guide says so); here it gives the pages, search,
        # alerts and backup something to show.
        echo "+ flask --app portal portal seed-demo   (scratch machine only: SEED_DEMO=1)"
        portal_flask -- portal seed-demo
    fi
    echo "+ flask --app portal portal reindex"
    portal_flask -- portal reindex
    echo "+ flask --app portal portal create-user $ADMIN_EMAIL --role admin --password …"
    local out
    if out=$(portal_flask -- portal create-user "$ADMIN_EMAIL" --role admin \
        --password "$ADMIN_PASSWORD" 2>&1); then
        echo "$out"
    elif grep -q "exists already" <<<"$out"; then
        echo "$ADMIN_EMAIL exists already (earlier run)"
    else
        echo "$out" >&2
        fail "create-user failed"
    fi
    # A logo stored by the portal's own upload code, for the backup (mode 0600, like every upload).
    if [[ -f "$WORK/logo-name" && -f "/var/lib/photonik/uploads/logos/$(cat "$WORK/logo-name")" ]]; then
        echo "logo from an earlier run: $(cat "$WORK/logo-name")"
    else
        (
            # shellcheck disable=SC1090,SC2024  # root writes the name into $WORK
            set -a && . "$ENV_FILE" && set +a && cd "$APP" &&
                sudo -E -u photonik "$VENV/bin/python" - >"$WORK/logo-name" <<'PY'
import io

from PIL import Image

from portal import create_app
from portal.services import uploads

with create_app().app_context():
    image = io.BytesIO()
    Image.new("RGB", (64, 32), (20, 90, 160)).save(image, "PNG")
    image.seek(0)
    print(uploads.store_logo(image))
PY
        )
        echo "stored logo $(cat "$WORK/logo-name")"
    fi
    find /var/lib/photonik/uploads/logos -type f -printf '%M %u %f\n' | head -n 3
}

install_units() {
    local marker name calendar unit instance command instances=()
    for pair in "\`$SERVICE\`:|$SERVICE" "\`$TASK\`:|$TASK"; do
        marker=${pair%%|*}
        guide_block "$marker" >"${pair#*|}"
        [[ -s "${pair#*|}" ]] || fail "no unit after '$marker' in the guide"
        echo "wrote ${pair#*|} from the guide"
    done
    rm -f "$WORK/timers"
    # The timer table of §4: | `photonik-….timer` | `OnCalendar=…` | `Unit=….service` |
    while IFS='|' read -r _ name calendar unit _; do
        name=$(tr -d '` ' <<<"$name")
        calendar=$(sed 's/^ *`//; s/` *$//' <<<"$calendar")
        unit=$(sed 's/^ *`//; s/` *$//' <<<"$unit")
        printf '[Unit]\nDescription=Photonik Karriere: %s\n\n[Timer]\n%s\nPersistent=true\n%s\n\n[Install]\nWantedBy=timers.target\n' \
            "$name" "$calendar" "$unit" >"$UNITS/$name"
        instance=${unit#Unit=photonik-task@}
        instance=${instance%.service}
        command=$(systemd-escape --unescape -- "$instance")
        [[ "$(systemd-escape -- "$command")" == "$instance" ]] ||
            fail "$name: systemd-escape '$command' is not $instance"
        echo "$name|$command" >>"$WORK/timers"
        instances+=("$UNITS/${unit#Unit=}")
        echo "wrote $UNITS/$name: $calendar, $unit (task: $command)"
    done < <(grep -E '^\| `photonik-[a-z-]+\.timer`' "$GUIDE")
    [[ -s "$WORK/timers" ]] || fail "no timers in the guide's table"
    echo "+ systemd-analyze verify photonik.service photonik-*.timer photonik-task@….service"
    # It warns about bad settings (an invalid Unit= name, say) and still exits 0.
    systemd-analyze verify "$SERVICE" "$UNITS"/photonik-*.timer "${instances[@]}" \
        >"$WORK/verify.log" 2>&1 || { cat "$WORK/verify.log"; fail "systemd-analyze verify failed"; }
    if grep -q photonik "$WORK/verify.log"; then
        cat "$WORK/verify.log"
        fail "systemd-analyze verify complains about the units"
    fi
    if systemd_running; then
        systemctl daemon-reload
    fi
}

start_gunicorn() {
    local execstart
    execstart=$(unit_value "$SERVICE" ExecStart)
    echo "+ as photonik.service: cd $(unit_value "$SERVICE" WorkingDirectory) && $execstart"
    ! port_in_use 8000 || fail "port 8000 is in use"
    touch "$WORK/served-since"
    (as_unit "$SERVICE" "$execstart") >"$GUNICORN_LOG" 2>&1 &
    GUNICORN_PID=$!
    echo "$GUNICORN_PID" >"$WORK/gunicorn.pid"
    local code=000
    for _ in $(seq 120); do
        kill -0 "$GUNICORN_PID" 2>/dev/null || { cat "$GUNICORN_LOG" >&2; fail "gunicorn exited"; }
        code=$(curl -s -o /dev/null -w '%{http_code}' "$DIRECT/healthz" || true)
        [[ "$code" == 000 ]] || break
        sleep 0.5
    done
    [[ "$code" != 000 ]] || { cat "$GUNICORN_LOG" >&2; fail "gunicorn does not answer"; }
    echo "gunicorn master pid $GUNICORN_PID, workers: $(pgrep -P "$GUNICORN_PID" | tr '\n' ' ')"
    if [[ "$(readlink "/proc/$GUNICORN_PID/ns/mnt")" != "$(readlink /proc/self/ns/mnt)" ]]; then
        echo "sandbox: $APP $(findmnt -N "$GUNICORN_PID" -no OPTIONS -T "$APP" | cut -d, -f1)," \
            "/var/lib/photonik $(findmnt -N "$GUNICORN_PID" -no OPTIONS -T /var/lib/photonik | cut -d, -f1)"
    fi
}

check_direct() {
    # shellcheck disable=SC2034  # used by fetch through a nameref
    local direct=(curl -sS --max-time 20)
    fetch direct "$DIRECT/healthz" 200
    expect_healthy
    fetch direct "$DIRECT/de/jobs" 200
    grep -q '<html' "$WORK/body" || fail "/de/jobs is no page"
    fetch direct "$DIRECT/en/" 200
    grep -q 'lang="en"' "$WORK/body" || fail "/en/ is not in English"
    fetch direct "$DIRECT/de/" 200
    grep -q 'lang="de"' "$WORK/body" || fail "/de/ is not in German"
    fetch direct "$DIRECT/static/css/portal.css" 200
    fetch direct "$DIRECT/healthz" 200 -H "X-Request-ID: operator-check-direct-1"
    sleep 0.5
    grep -F 'route=/<any(de,en):lang>/jobs status=200' "$GUNICORN_LOG" | tail -n 1 ||
        fail "no request log line for /de/jobs in the gunicorn log"
    grep -q 'id=operator-check-direct-1' "$GUNICORN_LOG" || fail "X-Request-ID not in the log"
    # ProtectSystem=strict: where the sandbox could not be set up (no mount namespaces), look
    # for what the service would have written outside ReadWritePaths=.
    local written
    written=$(find /srv/photonik -newer "$WORK/served-since" -not -type d \
        -not -path '*/__pycache__/*')
    [[ -z "$written" ]] || fail "the service wrote outside ReadWritePaths: $written"
    echo "nothing written under /srv/photonik while serving"
}

run_timer_tasks() {
    local name command execstart sent_before sent_after
    sent_before=$(grep -c "^---------- MESSAGE FOLLOWS" "$WORK/smtp.log" || true)
    while IFS='|' read -r name command; do
        execstart=$(unit_value "$TASK" ExecStart)
        execstart=${execstart//%I/$command}
        echo "+ $name -> as photonik-task@: $execstart"
        (as_unit "$TASK" "$execstart") || fail "$name: the task exited with status $?"
    done <"$WORK/timers"
    sent_after=$(grep -c "^---------- MESSAGE FOLLOWS" "$WORK/smtp.log" || true)
    echo "mails received by the SMTP sink during the jobs: $((sent_after - sent_before))"
}

check_nginx() {
    local cert key
    cert=$(sed -n 's/^ *ssl_certificate  *\([^;]*\);.*/\1/p' <(guide_block "/etc/nginx/sites-available/photonik"))
    key=$(sed -n 's/^ *ssl_certificate_key  *\([^;]*\);.*/\1/p' <(guide_block "/etc/nginx/sites-available/photonik"))
    [[ -n "$cert" && -n "$key" ]] || fail "no certificate paths in the guide's nginx site"
    if [[ ! -s "$cert" || ! -s "$key" ]]; then
        echo "+ a self-signed certificate for $SERVER_NAME in $(dirname "$cert")"
        install -d -m 755 "$(dirname "$cert")"
        (umask 077 && openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=$SERVER_NAME" \
            -addext "subjectAltName=DNS:$SERVER_NAME" -keyout "$key" -out "$cert" 2>/dev/null)
        chmod 644 "$cert"
    fi
    guide_block "/etc/nginx/sites-available/photonik" | sed "s/karriere\.example\.org/$SERVER_NAME/g" >"$SITE"
    echo "wrote $SITE from the guide"
    local enable
    enable=$(grep -o 'ln -s [^&]*' "$GUIDE" | head -n 1)
    [[ -n "$enable" ]] || fail "the guide has no 'ln -s …' to enable the site"
    [[ -L /etc/nginx/sites-enabled/photonik ]] || (cd /etc/nginx/sites-enabled && echo "+ $enable" && $enable)
    echo "+ nginx -t"
    nginx -t
    if [[ -s /run/nginx.pid ]] && kill -0 "$(cat /run/nginx.pid)" 2>/dev/null; then
        echo "+ nginx -s reload (nginx was running already)"
        nginx -s reload
        sleep 1
    else
        for port in 80 443; do ! port_in_use "$port" || fail "port $port is in use"; done
        echo "+ nginx (started for the check, stopped at the end)"
        nginx
        NGINX_STARTED=1
    fi
    # shellcheck disable=SC2034  # used by fetch through a nameref
    local tls=("${VIA_NGINX[@]}" --cacert "$cert")
    local base="https://$SERVER_NAME"
    fetch VIA_NGINX "http://$SERVER_NAME/de/jobs" 301
    [[ "$(header Location)" == "$base/de/jobs" ]] || fail "port 80 redirects to $(header Location)"
    fetch tls "$base/healthz" 200
    expect_healthy
    fetch tls "$base/de/jobs" 200
    [[ -n "$(header Strict-Transport-Security)" ]] ||
        fail "no HSTS header: X-Forwarded-Proto from nginx is not trusted"
    local request_id
    request_id=$(header X-Request-ID)
    [[ "$request_id" =~ ^[0-9a-f]{32}$ ]] || fail "X-Request-ID '$request_id' is not nginx's \$request_id"
    sleep 0.5
    grep -q "id=$request_id" "$GUNICORN_LOG" || fail "nginx's request id is not in the portal's log"
    echo "  HSTS: $(header Strict-Transport-Security); request id $request_id logged"
    fetch tls "$base/static/css/portal.css" 200
    [[ "$(header Cache-Control)" == *public* ]] || fail "static file not served by nginx's location"
    [[ "$(header Content-Type)" == text/css* ]] || fail "static css has type $(header Content-Type)"
    echo "  static from nginx: Cache-Control $(header Cache-Control), Expires $(header Expires)"
    fetch tls "$base/media/logos/$(cat "$WORK/logo-name")" 200
    [[ "$(header Content-Type)" == image/png ]] || fail "logo has type $(header Content-Type)"
    # Log in as the account create-user made: CSRF token, session cookie over TLS, Redis limits.
    local jar="$WORK/cookies" token
    rm -f "$jar"
    fetch tls "$base/de/account/login" 200 -c "$jar" -b "$jar"
    token=$(sed -n 's/.*name="csrf_token" type="hidden" value="\([^"]*\)".*/\1/p' "$WORK/body" | head -n 1)
    [[ -n "$token" ]] || fail "no CSRF token on the login page"
    fetch tls "$base/de/account/login" 303 -c "$jar" -b "$jar" \
        -H "Referer: $base/de/account/login" --data-urlencode "csrf_token=$token" \
        --data-urlencode "email=$ADMIN_EMAIL" --data-urlencode "password=$ADMIN_PASSWORD"
    local home
    home=$(header Location)
    echo "  logged in as $ADMIN_EMAIL, sent to $home"
    [[ "$home" == */staff/* ]] || fail "after login the admin is sent to $home, not the staff area"
    fetch tls "$base${home#"$base"}" 200 -b "$jar"
    local keys
    keys=$(redis-cli -h 127.0.0.1 -n 0 --scan --pattern '*LIMITER*' | head -n 3)
    [[ -n "$keys" ]] || fail "no rate-limit counters in Redis (RATELIMIT_STORAGE_URI)"
    echo "  rate-limit counters in Redis: $(tr '\n' ' ' <<<"$keys")"
}

backup() {
    local block stamp
    block=$(guide_block "Nightly backup")
    [[ -n "$block" ]] || fail "no backup commands in §7"
    stamp=$(date +%F)
    rm -f "$BACKUPS/db-$stamp.dump" "$BACKUPS/uploads-$stamp.tar.gz"
    fingerprint photonik >"$WORK/fingerprint-before"
    echo "+ the guide's backup job (as root):"
    printf '    %s\n' "${block//$'\n'/$'\n'    }"
    bash -euo pipefail -c "$block"
    fingerprint photonik >"$WORK/fingerprint-live"
    cmp -s "$WORK/fingerprint-before" "$WORK/fingerprint-live" ||
        fail "the database changed during the backup (is something writing?); run again"
    ls -l "$BACKUPS"
    [[ -s "$BACKUPS/db-$stamp.dump" ]] || fail "no database dump $BACKUPS/db-$stamp.dump"
    tar -tzf "$BACKUPS/uploads-$stamp.tar.gz" | grep -q "uploads/logos/$(cat "$WORK/logo-name")" ||
        fail "the uploads archive lacks the logo"
}

restore() {
    local stamp restored="$WORK/restore" line
    stamp=$(date +%F)
    line=$(guide_block "Restore onto a fresh server" | grep -m 1 'pg_restore ')
    [[ "$line" == *"pg_restore --clean --if-exists --no-owner --role=photonik -d photonik "* ]] ||
        fail "§7's pg_restore line changed; update this check: $line"
    psql_as_postgres -c "DROP DATABASE IF EXISTS photonik_restore"
    psql_as_postgres -c "CREATE DATABASE photonik_restore OWNER photonik"
    echo "+ sudo -u postgres pg_restore --clean --if-exists --no-owner --role=photonik -d photonik_restore $BACKUPS/db-$stamp.dump"
    sudo -u postgres pg_restore --clean --if-exists --no-owner --role=photonik -d photonik_restore \
        "$BACKUPS/db-$stamp.dump"
    rm -rf "$restored" && install -d "$restored"
    echo "+ tar -C $restored -xzf $BACKUPS/uploads-$stamp.tar.gz"
    tar -C "$restored" -xzf "$BACKUPS/uploads-$stamp.tar.gz"
    fingerprint photonik_restore >"$WORK/fingerprint-restored"
    diff "$WORK/fingerprint-live" "$WORK/fingerprint-restored" ||
        fail "the restored database differs from the backed-up one"
    echo "all $(grep -vc '^sequence' "$WORK/fingerprint-live") tables and" \
        "$(grep -c '^sequence' "$WORK/fingerprint-live") sequences are equal"
    diff -r /var/lib/photonik/uploads "$restored/uploads" || fail "the restored uploads differ"
    [[ "$(stat -c %U "$restored/uploads/logos/$(cat "$WORK/logo-name")")" == photonik ]] ||
        fail "restored uploads do not belong to photonik"
    echo "uploads equal, owned by photonik"
    local url="postgresql+psycopg://photonik:$DB_PASSWORD@localhost/photonik_restore"
    install -d -o photonik -g photonik "$restored/index"
    echo "+ flask --app portal db upgrade; portal reindex   (against photonik_restore)"
    portal_flask DATABASE_URL="$url" SEARCH_INDEX_DIR="$restored/index" -- db upgrade
    portal_flask DATABASE_URL="$url" SEARCH_INDEX_DIR="$restored/index" -- portal reindex
    portal_flask DATABASE_URL="$url" SEARCH_INDEX_DIR="$restored/index" -- portal reindex --check
    psql_as_postgres -c "DROP DATABASE photonik_restore"
    rm -rf "$restored"
}

upgrade() {
    local block current_before current_after out line
    block=$(guide_block "## 8. Upgrade")
    current_before=$(portal_flask -- db current 2>/dev/null | tail -n 1)
    local source
    source=$(clone_source)
    (
        cd "$APP"
        # Undo WORKTREE's copy so that the pull applies; it is copied again afterwards.
        sudo -u photonik git reset -q --hard
        sudo -u photonik git clean -q -fd
        sudo -u photonik git remote set-url origin "$source"
        line=$(grep -m 1 -F "git pull" <<<"$block")
        echo "+ $line"
        $line
    )
    overlay_worktree
    (
        cd "$APP"
        for line in "/srv/photonik/venv/bin/pip install" "/srv/photonik/venv/bin/pybabel compile"; do
            line=$(grep -m 1 -F "$line" <<<"$block") || fail "§8 has no line '…$line…'"
            echo "+ $line"
            $line >"$WORK/upgrade.log" 2>&1 || { cat "$WORK/upgrade.log"; fail "$line failed"; }
            tail -n 1 "$WORK/upgrade.log"
        done
    )
    echo "+ flask --app portal db upgrade"
    out=$(portal_flask -- db upgrade 2>&1) || { echo "$out"; fail "db upgrade failed"; }
    echo "$out"
    ! grep -q "Running upgrade" <<<"$out" || fail "db upgrade on an up-to-date database did something"
    current_after=$(portal_flask -- db current 2>/dev/null | tail -n 1)
    [[ "$current_before" == "$current_after" ]] || fail "revision $current_before -> $current_after"
    echo "revision unchanged: $current_after"
    # systemctl reload photonik: the unit's ExecReload with $MAINPID.
    local reload workers_before workers_after
    reload=$(unit_value "$SERVICE" ExecReload)
    workers_before=$(pgrep -P "$GUNICORN_PID" | sort | tr '\n' ' ')
    echo "+ ${reload//\$MAINPID/$GUNICORN_PID}"
    ${reload//\$MAINPID/$GUNICORN_PID}
    for _ in $(seq 60); do
        sleep 0.5
        workers_after=$(pgrep -P "$GUNICORN_PID" | sort | tr '\n' ' ')
        [[ -n "$workers_after" ]] || continue
        comm -12 <(tr ' ' '\n' <<<"$workers_before" | sed '/^$/d') \
            <(tr ' ' '\n' <<<"$workers_after" | sed '/^$/d') | grep -q . || break
    done
    echo "workers before: $workers_before after: $workers_after"
    [[ "$workers_before" != "$workers_after" ]] || fail "the reload did not replace the workers"
    # shellcheck disable=SC2034  # used by fetch through a nameref
    local direct=(curl -sS --max-time 20)
    for _ in $(seq 40); do
        [[ "$(curl -s -o /dev/null -w '%{http_code}' "$DIRECT/healthz")" == 200 ]] && break
        sleep 0.5
    done
    fetch direct "$DIRECT/healthz" 200
    expect_healthy
}

stop_services() {
    cleanup
    local port
    for port in 8000 "$SMTP_PORT"; do
        ! port_in_use "$port" || fail "port $port is still in use"
    done
    if [[ ! -s /run/nginx.pid ]]; then
        for port in 80 443; do ! port_in_use "$port" || fail "port $port is still in use"; done
    fi
    echo "gunicorn, the SMTP sink and nginx (if the check started it) are stopped"
}

for ((i = 0; i < ${#STEPS[@]}; i += 2)); do
    step "${STEPS[i]}" "${STEPS[i + 1]}"
done
