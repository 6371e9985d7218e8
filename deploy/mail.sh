#!/usr/bin/env bash
# The SMTP server of the local stack: GreenMail (Maven Central's greenmail-standalone) on 127.0.0.1:2525, where the
# review service sends its reminders; what arrived is read over GreenMail's API on 127.0.0.1:8025
# (e.g. curl http://127.0.0.1:8025/api/user/gongkai@chidian.example.gov.cn/messages/INBOX/). Mail is kept in memory.
#   deploy/mail.sh start|stop|status
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
VERSION=2.1.3
JAR="$HOME/.m2/repository/com/icegreen/greenmail-standalone/$VERSION/greenmail-standalone-$VERSION.jar"
PID="$DATA_DIR/mail/greenmail.pid"
LOG="$DATA_DIR/mail/greenmail.log"

running() { [ -f "$PID" ] && kill -0 "$(cat "$PID")" 2>/dev/null; }

case "${1:-}" in
  start)
    if running; then echo "mail: running (SMTP 127.0.0.1:$SMTP_PORT)"; exit 0; fi
    if [ ! -f "$JAR" ]; then
      echo "mail: fetching greenmail-standalone $VERSION from Maven Central ..." >&2
      (cd "$REPO_DIR" && ./mvnw -q -B dependency:get -Dartifact="com.icegreen:greenmail-standalone:$VERSION" >&2)
    fi
    mkdir -p "$DATA_DIR/mail"
    setsid "$(java_bin)" -Xmx96m -Dgreenmail.hostname=127.0.0.1 -Dgreenmail.smtp.port="$SMTP_PORT" \
      -Dgreenmail.smtp.hostname=127.0.0.1 -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port="$SMTP_API_PORT" \
      -Dgreenmail.auth.disabled -Dgreenmail.verbose=false -jar "$JAR" >"$LOG" 2>&1 &
    echo $! >"$PID"
    for _ in $(seq 1 60); do
      if (exec 3<>"/dev/tcp/127.0.0.1/$SMTP_PORT") 2>/dev/null; then
        echo "mail: SMTP 127.0.0.1:$SMTP_PORT, API http://127.0.0.1:$SMTP_API_PORT (log $LOG)"; exit 0
      fi
      running || { echo "mail: GreenMail exited; $LOG:" >&2; tail -20 "$LOG" >&2; exit 1; }
      sleep 0.5
    done
    echo "mail: not listening on $SMTP_PORT after 30 s; $LOG" >&2; exit 1
    ;;
  stop)
    if running; then kill "$(cat "$PID")"; rm -f "$PID"; fi
    echo "mail: stopped"
    ;;
  status)
    if running; then echo "mail: running (SMTP 127.0.0.1:$SMTP_PORT)"; else echo "mail: stopped"; exit 3; fi
    ;;
  *) usage "start|stop|status" ;;
esac
