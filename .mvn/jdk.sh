#!/bin/sh
# Finds a JDK that can build PlayerDesk (21 or later) for the Maven wrapper, which runs it before
# Maven starts. Prints the JDK's home on standard output when the wrapper should switch to it, and
# nothing when JAVA_HOME or the java on the PATH will already do; says on standard error which JDK
# it chose, or, when there is none, the one line on what to install (and exits 1).
#
# Looked for, newest first: the usual installation folders of Linux packages, SDKMAN!, IntelliJ and
# macOS (PLAYERDESK_JDK_PLACES replaces that list), and whatever PLAYERDESK_JDK_SEARCH lists
# (folders separated by colons, each a JDK home or a folder of JDK homes).
set -u
NEEDED=21

major() {
    # "openjdk version "21.0.4"" -> 21; "java version "1.8.0_402"" -> 8; nothing usable -> 0
    "$1" -version 2>&1 | awk -F'"' '/version/ { split($2, v, "."); m = (v[1] == "1") ? v[2] : v[1]; sub(/[^0-9].*/, "", m); print (m == "" ? 0 : m); exit }'
}

usable() {
    [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] && [ "$(major "$1/bin/java")" -ge "$NEEDED" ] 2>/dev/null
}

if [ -n "${JAVA_HOME-}" ]; then
    if usable "$JAVA_HOME"; then
        exit 0
    fi
    current="JAVA_HOME ($JAVA_HOME)"
elif command -v java >/dev/null 2>&1 && command -v javac >/dev/null 2>&1 \
        && [ "$(major "$(command -v java)")" -ge "$NEEDED" ] 2>/dev/null; then
    exit 0
else
    current="the default java"
fi

best=""
best_major=0
consider() {
    if usable "$1"; then
        m=$(major "$1/bin/java")
        if [ "$m" -gt "$best_major" ]; then
            best="$1"
            best_major="$m"
        fi
    fi
}
places="/usr/lib/jvm:/usr/java:/opt/java:/opt:${HOME-}/.sdkman/candidates/java:${HOME-}/.jdks:/Library/Java/JavaVirtualMachines"
search="${PLAYERDESK_JDK_SEARCH-}:${PLAYERDESK_JDK_PLACES-$places}"
old_ifs=$IFS
IFS=:
for place in $search; do
    IFS=$old_ifs
    [ -n "$place" ] && [ -d "$place" ] || continue
    consider "$place"
    for home in "$place"/* "$place"/*/Contents/Home; do
        [ -d "$home" ] && consider "$home"
    done
done
IFS=$old_ifs

if [ -z "$best" ]; then
    echo "PlayerDesk needs JDK $NEEDED or later and none was found: install one (for example 'sudo apt install openjdk-$NEEDED-jdk', or Temurin from adoptium.net) or set JAVA_HOME to it." >&2
    exit 1
fi
echo "PlayerDesk builds with JDK $best_major at $best ($current is older than $NEEDED)." >&2
printf '%s\n' "$best"
