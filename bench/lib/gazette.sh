# Shared by the benchmarks that need a running Gazette with a signed-in admin
# (bench/admin-list-http.sh, bench/media-upload.sh). Source it, then call gazette_signed_in.
#
# The caller sets, before calling:
#   run        a directory for this run's files (create-admin output, Gazette's log, cookies)
#   jar        the Gazette jar
#   java_opts  JVM options for Gazette (word-split on purpose)
#   base       http://127.0.0.1:PORT, where Gazette listens
#   app_args   an array of Spring Boot arguments (address, port, database, ...)
#   email, password   the benchmark admin's
#   and a function log MESSAGE
#   JFR=1 (environment, optional) records Gazette with Java Flight Recorder (profile settings)
#   into $run/gazette.jfr, written when Gazette stops
# gazette_signed_in leaves:
#   app        Gazette's process id (stopped when the calling script exits, whatever the reason)
#   cookie     the signed-in session's cookie, as "name=value"
#
# The benchmark's admin signs in with a password alone (a second factor needs a person with an
# authenticator), so callers pass --gazette.accounts.mfa-required-roles=publisher; that changes
# nothing of what a page or an upload costs.

# Creates the admin with `java -jar gazette.jar create-admin`; sets link to the printed one-time
# set-password address.
gazette_create_admin() {
  log "create-admin $email"
  # shellcheck disable=SC2086
  java $java_opts -jar "$jar" create-admin "$email" "Bench Admin" "${app_args[@]}" >"$run/create-admin.txt" \
    2>"$run/create-admin.err"
  link=$(grep -Eo 'http://[^ ]+/admin/set-password/[A-Za-z0-9_-]+' "$run/create-admin.txt" | head -1)
  [ -n "$link" ] || { echo "create-admin printed no link" >&2; cat "$run/create-admin.txt" >&2; exit 1; }
}

gazette_stop() {
  if kill -0 "$app" 2>/dev/null; then kill "$app"; wait "$app" 2>/dev/null || true; fi
}

# Starts Gazette in the background (stopped on exit) and waits until its sign-in page answers.
gazette_start() {
  log "starting Gazette on $base"
  local jfr=""
  [ "${JFR:-0}" = 1 ] && jfr="-XX:StartFlightRecording=filename=$run/gazette.jfr,settings=profile,dumponexit=true"
  # shellcheck disable=SC2086
  java $java_opts $jfr -jar "$jar" "${app_args[@]}" >"$run/gazette.log" 2>&1 &
  app=$!
  trap gazette_stop EXIT
  for _ in $(seq 1 1200); do
    kill -0 "$app" 2>/dev/null || { echo "Gazette stopped; see $run/gazette.log" >&2; exit 1; }
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/admin/sign-in" || true)" = 200 ] && return 0
    sleep 0.5
  done
  echo "Gazette did not answer within 10 minutes; see $run/gazette.log" >&2
  exit 1
}

# The form token of the first form in the HTML on standard input.
gazette_csrf() { grep -Eo 'name="_csrf" value="[^"]+"' | head -1 | sed 's/.*value="//; s/"$//'; }

# Sets the password through the link and signs in with curl (cookie jar, the form token from
# each form); sets cookie.
gazette_sign_in() {
  local cookies="$run/cookies.txt" token code where
  log "setting the password through the link, signing in"
  token=$(curl -s -c "$cookies" -b "$cookies" "$link" | gazette_csrf)
  code=$(curl -s -o /dev/null -w '%{http_code}' -c "$cookies" -b "$cookies" "$link" \
    --data-urlencode "_csrf=$token" --data-urlencode "password=$password" --data-urlencode "confirmation=$password")
  [ "$code" = 302 ] || { echo "setting the password answered $code" >&2; exit 1; }
  token=$(curl -s -c "$cookies" -b "$cookies" "$base/admin/sign-in" | gazette_csrf)
  where=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -c "$cookies" -b "$cookies" \
    "$base/admin/sign-in" --data-urlencode "_csrf=$token" --data-urlencode "email=$email" \
    --data-urlencode "password=$password")
  case "$where" in "302 $base/admin"*) ;; *) echo "sign-in answered $where" >&2; exit 1 ;; esac
  cookie=$(awk '$6 ~ /gazette-session$/ { print $6 "=" $7 }' "$cookies" | tail -1)
  [ -n "$cookie" ] || { echo "no session cookie" >&2; exit 1; }
}

# All of the above: an admin, a running Gazette, and a signed-in session.
gazette_signed_in() {
  gazette_create_admin
  gazette_start
  gazette_sign_in
}
