#!/usr/bin/env bash
# `make bench-spark`: the 10,000-track workload (10,000 tracks x 720 fixes = 7.2 M fixes, CSV)
# against Poland's airspace, through tools/spark/incursions.py on Spark local[2] and through one
# `perimeter incursions` process on the same machine, one after the other. Reports wall time,
# fixes/s, Spark's overhead (its wall time over the single process's) and checks the rows agree.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
PY=${PERIMETER_PYTHON:-$ROOT/.venv/bin/python}
BIN=${PERIMETER_BIN:-$ROOT/.build/release/perimeter}
TRACKS=${TRACKS_N:-10000}
MASTER=${SPARK_MASTER:-local[2]}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export PYSPARK_PYTHON=$PY

"$PY" tools/spark/workload.py "$TRACKS" >"$WORK/tracks.csv"
fixes=$(( $(wc -l <"$WORK/tracks.csv") - 1 ))
echo "== $TRACKS tracks, $fixes fixes ($(du -m "$WORK/tracks.csv" | cut -f1) MiB CSV) against PL; $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"

/usr/bin/time -f '%e %M %U %S' -o "$WORK/t_single" \
  "$BIN" incursions "$WORK/tracks.csv" --airspace PL --format csv -o "$WORK/single.csv" --quiet >/dev/null
/usr/bin/time -f '%e %M %U %S' -o "$WORK/t_stream" \
  bash -c "cat '$WORK/tracks.csv' | '$BIN' incursions - --airspace PL --format csv -o - --quiet >'$WORK/stream.csv' 2>/dev/null"
/usr/bin/time -f '%e %M %U %S' -o "$WORK/t_spark" \
  "$(dirname "$PY")/spark-submit" --master "$MASTER" --driver-memory 2g \
    --conf spark.ui.enabled=false \
    --driver-java-options "-Dlog4j2.configurationFile=file:$ROOT/tools/spark/log4j2.properties" \
    tools/spark/incursions.py "$WORK/tracks.csv" --airspace PL -o "$WORK/spark.csv" --perimeter "$BIN" \
    >"$WORK/spark.out" 2>"$WORK/spark.err" || { tail -20 "$WORK/spark.err"; exit 1; }

read -r single_t single_m single_u single_s <"$WORK/t_single"
read -r stream_t _ <"$WORK/t_stream"
read -r spark_t _ spark_u spark_s <"$WORK/t_spark"
single_cpu=$(echo "$single_u + $single_s" | bc -l); spark_cpu=$(echo "$spark_u + $spark_s" | bc -l)
# In-job time: from the job's own summary (session start to output written, JVM start excluded).
job_t=$(grep -o 'in [0-9.]* s' "$WORK/spark.out" | grep -o '[0-9.]*')
printf '%-44s %10s %14s\n' "" "wall_s" "fixes_per_s"
# CPU seconds (user + sys of the process tree) hold up better than wall time on a busy machine.
printf '%-44s %10s %14.0f\n' "perimeter incursions FILE (1 process)" "$single_t" "$(echo "$fixes/$single_t" | bc -l)"
printf '%-44s %10s %14.0f\n' "cat FILE | perimeter incursions - (stream)" "$stream_t" "$(echo "$fixes/$stream_t" | bc -l)"
printf '%-44s %10s %14.0f\n' "spark-submit $MASTER (end to end)" "$spark_t" "$(echo "$fixes/$spark_t" | bc -l)"
printf '%-44s %10s %14.0f\n' "  of which the job (session start excluded)" "$job_t" "$(echo "$fixes/$job_t" | bc -l)"
echo "CPU: single process $single_cpu s ($(echo "$fixes/$single_cpu" | bc) fixes per CPU-second), Spark $spark_cpu s" \
     "($(echo "$fixes/$spark_cpu" | bc) fixes per CPU-second): $(echo "scale=1; $spark_cpu / $single_cpu" | bc -l)x the CPU"
cores=${MASTER//[!0-9]/}
echo "Spark overhead: $(echo "scale=1; $spark_t / $single_t" | bc -l)x the single process's wall time" \
     "(job alone $(echo "scale=1; $job_t / $single_t" | bc -l)x); per executor core: $(echo "$fixes / $job_t / ${cores:-2}" | bc) fixes/s"
# The rows must agree: the same set of lines (Spark sorts by track id as text).
if diff <(tail -n +2 "$WORK/single.csv" | sort) <(tail -n +2 "$WORK/spark.csv" | sort) >/dev/null \
   && [ "$(head -1 "$WORK/single.csv")" = "$(head -1 "$WORK/spark.csv")" ]; then
  echo "rows: $(($(wc -l <"$WORK/spark.csv") - 1)) per-track rows, identical to the single process (OK)"
else
  echo "rows: DIFFER from the single process"; exit 1
fi
