# Shared by the scripts: build the project when its sources are newer than the jars, and the
# run-time classpath (the jobs jar, then what Maven resolved: our other modules and Spark).

sicube_jar() {
  # No jar yet (a clean checkout) is an empty answer, not a failure under 'set -e -o pipefail'.
  ls "$1"/jobs/target/sicube-jobs-*-SNAPSHOT.jar 2>/dev/null | grep -v -- '-app.jar' | head -n 1 || true
}

# SICUBE_NO_BUILD=1 uses the jars as they are (the integration tests, which run after Maven's package).
sicube_build_if_needed() {
  local root="$1" jar
  jar=$(sicube_jar "$root")
  if [ "${SICUBE_NO_BUILD:-0}" = 1 ]; then
    [ -n "$jar" ] && [ -f "$root/jobs/target/classpath.txt" ] && return 0
    echo "sicube: no jars in $root/jobs/target (SICUBE_NO_BUILD=1); run 'mvn package' first" >&2
    return 2
  fi
  if [ -z "$jar" ] || [ ! -f "$root/jobs/target/classpath.txt" ] \
     || [ -n "$(find "$root/pom.xml" "$root"/*/pom.xml "$root"/*/src/main -newer "$jar" -type f 2>/dev/null | head -n 1)" ]; then
    echo "sicube: building (mvn package, tests skipped)..." >&2
    (cd "$root" && mvn -q -B -DskipTests package) >&2
  fi
}

# OpenBLAS (the native BLAS behind dev.ludovic.netlib) keeps its idle worker threads spinning for
# 2^28 cycles, about 0.1 s, after every call. With Spark's local[*], tasks on all cores call BLAS on
# small blocks every few milliseconds, so those spinning workers take the cores the other tasks need:
# the Gram kernel ran at half speed on 2 cores. 2^18 cycles (under 0.1 ms) lets them sleep between
# the tasks' calls and still keeps them awake between the back-to-back calls of one large LAPACK
# routine on the driver (dsytrd: same time as with the default). Executors on a cluster are not
# affected: Spark starts them with OMP_NUM_THREADS = spark.task.cpus, which OpenBLAS obeys.
sicube_blas_env() {
  export OPENBLAS_THREAD_TIMEOUT="${OPENBLAS_THREAD_TIMEOUT:-18}"
}

# The driver's heap: at most SICUBE_DRIVER_MEMORY (default 8g), starting at half of it. From the
# JVM's default start (1/64 of the RAM) G1 grows the heap slowly, and until it has, every partial
# Gram (17 MB, a humongous object) sets off a concurrent marking that takes a core from the tasks:
# the passes over 10^5 spectra ran 7–15 % slower. Pages are only backed once used.
sicube_heap_flags() {
  local max="${SICUBE_DRIVER_MEMORY:-8g}" number unit
  echo "-Xmx$max"
  if [[ "$max" =~ ^([0-9]+)([gGmM])$ ]]; then
    number="${BASH_REMATCH[1]}"
    unit="${BASH_REMATCH[2]}"
    case "$unit" in
      g|G) echo "-Xms$((number * 512))m" ;;
      *) echo "-Xms$((number / 2))m" ;;
    esac
  fi
}

sicube_classpath() {
  local root="$1"
  echo "$(sicube_jar "$root"):$(cat "$root/jobs/target/classpath.txt"):$(cat "$root/jobs/target/classpath-runtime.txt")"
}
