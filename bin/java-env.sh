# Sourced by the bin/ scripts and .ci/run: picks a JDK 21 or newer and exports JAVA_HOME.
java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.specification.version = //p'; }
pick_jdk() {
  local candidates=()
  [[ -n "${JAVA_HOME:-}" ]] && candidates+=("$JAVA_HOME")
  candidates+=(/usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64 /usr/lib/jvm/*)
  local c
  for c in "${candidates[@]}"; do
    if [[ -x "$c/bin/java" ]] && (( $(java_major "$c" || echo 0) >= 21 )); then
      export JAVA_HOME="$c"; return 0
    fi
  done
  echo "error: JDK 21 or newer is required (set JAVA_HOME to it)" >&2
  return 1
}
pick_jdk
