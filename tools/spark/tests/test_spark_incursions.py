"""tools/spark/incursions.py on Spark local[2], against `perimeter incursions` run on one machine.

Run by `make test` (after the Swift build); needs Java 17 and the pinned pyspark in .venv. A
missing Java, pyspark or perimeter executable is an error, never a skip.
"""
import csv
import io
import os
import subprocess
import sys
import time

import pyarrow as pa
import pyarrow.csv  # noqa: F401  (pa.csv)
import pyarrow.parquet as pq
import pytest
from pyspark.sql import SparkSession

HERE = os.path.dirname(os.path.abspath(__file__))
SPARK_DIR = os.path.dirname(HERE)
REPO = os.path.dirname(os.path.dirname(SPARK_DIR))
sys.path.insert(0, SPARK_DIR)
import incursions  # noqa: E402  (the job under test)
import workload  # noqa: E402

SPARK_CONF = {
    "spark.ui.enabled": "false",
    "spark.sql.shuffle.partitions": "4",
    "spark.driver.memory": "1g",
    "spark.sql.session.timeZone": "UTC",
}


def perimeter_bin():
    path = os.environ.get("PERIMETER_BIN") or os.path.join(REPO, ".build/debug/perimeter")
    assert os.access(path, os.X_OK), f"{path}: no perimeter executable (swift build first)"
    return path


def single_process(tracks, out, *flags):
    """The reference: `perimeter incursions TRACKS --format csv` on this machine."""
    subprocess.run([perimeter_bin(), "incursions", tracks, "--airspace", "PL", "--format", "csv", "-o", out,
                    "--quiet", *flags], check=True, stdout=subprocess.DEVNULL)
    with open(out) as f:
        return f.read()


def rows(text):
    """Header and {(track_id, airspace): row} of per-track CSV text."""
    lines = text.splitlines()
    table = {}
    for r in csv.reader(lines[1:]):
        key = (r[0], r[1])
        assert key not in table, f"row {key} twice"
        table[key] = r
    return lines[0], table


@pytest.fixture(scope="session")
def work(tmp_path_factory):
    return tmp_path_factory.mktemp("spark")


@pytest.fixture(scope="session")
def spark():
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.master("local[2]").appName("perimeter-spark-tests")
    for k, v in SPARK_CONF.items():
        builder = builder.config(k, v)
    session = builder.getOrCreate()
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.fixture(scope="session")
def workload_1000(work):
    path = work / "tracks_1000.csv"
    with open(path, "w") as f:
        workload.write(f, 1000)
    return str(path)


def run_job(*args):
    """incursions.main in this process (the test's Spark session): exit status and stderr."""
    err = io.StringIO()
    old = sys.stderr
    sys.stderr = err
    try:
        status = incursions.main([*args, "--perimeter", perimeter_bin(), "--partitions", "2", "--quiet"])
    finally:
        sys.stderr = old
    return status, err.getvalue()


def test_1000_tracks_through_spark_submit_equal_the_single_process_rows(work, workload_1000):
    """The real command line: spark-submit --master local[2] … gives exactly the one-machine rows."""
    reference = single_process(workload_1000, str(work / "single.csv"))
    out = work / "spark_1000.csv"
    spark_submit = os.path.join(os.path.dirname(sys.executable), "spark-submit")
    env = dict(os.environ, PYSPARK_PYTHON=sys.executable)
    started = time.time()
    confs = [x for k, v in SPARK_CONF.items() if k != "spark.driver.memory" for x in ("--conf", f"{k}={v}")]
    done = subprocess.run([spark_submit, "--master", "local[2]", "--driver-memory", "1g", *confs,
                           os.path.join(SPARK_DIR, "incursions.py"), workload_1000, "--airspace", "PL",
                           "-o", str(out), "--perimeter", perimeter_bin()],
                          env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-3000:]
    print(f"spark-submit local[2], 1,000 tracks: {time.time() - started:.1f} s; {done.stdout.strip()}")
    got = out.read_text()
    ref_header, ref_rows = rows(reference)
    header, spark_rows = rows(got)
    assert header == ref_header
    assert len(spark_rows) == len(ref_rows) == 1000
    assert spark_rows == ref_rows  # every field as text: dwell to 1 ms, incursions, times, fixes
    assert sum(int(r[3]) for r in ref_rows.values()) > 100  # the workload does cross into Poland
    assert got.count(ref_header) == 1
    ids = [line.split(",")[0] for line in got.splitlines()[1:]]
    assert ids == sorted(ids), "rows are sorted by track id (as text)"


def split_tracks(workload_1000, folder):
    """Tracks 0-2 of the workload over two files: track 1's fixes in both, each half reversed,
    track 2 reversed. Returns the contiguous, ordered file of the same tracks (the reference)."""
    with open(workload_1000) as f:
        lines = [next(f).rstrip("\n") for _ in range(3 * 720 + 1)]
    header, t0, t1, t2 = lines[0], lines[1:721], lines[721:1441], lines[1441:2161]
    folder.mkdir(exist_ok=True)
    (folder / "2025-09-10-00.csv").write_text("\n".join([header, *t0, *t1[360:]]) + "\n")
    (folder / "2025-09-10-01.csv").write_text("\n".join([header, *t2[::-1], *t1[:360][::-1]]) + "\n")
    ordered = folder.parent / (folder.name + "_ordered.csv")
    ordered.write_text("\n".join(lines) + "\n")
    return str(ordered)


def test_a_track_spread_over_files_out_of_order_comes_out_whole(spark, work, workload_1000):
    folder = work / "hourly"
    ordered = split_tracks(workload_1000, folder)
    ref_header, ref_rows = rows(single_process(ordered, str(work / "single_3.csv")))
    out = work / "spark_split.csv"
    status, err = run_job(str(folder), "--airspace", "PL", "-o", str(out))
    assert status == 0, err
    header, got = rows(out.read_text())
    assert header == ref_header
    assert got == ref_rows
    assert got[("1", "PL")][8] == "720", "track 1 whole: all 720 fixes from both files"


def test_parquet_in_and_out_give_the_same_figures(spark, work, workload_1000):
    folder = work / "hourly_parquet"
    folder.mkdir(exist_ok=True)
    csv_folder = work / "hourly"
    if not csv_folder.exists():
        split_tracks(workload_1000, csv_folder)
    for f in sorted(csv_folder.iterdir()):
        table = pa.csv.read_csv(str(f), convert_options=pa.csv.ConvertOptions(column_types={"track_id": pa.string()}))
        pq.write_table(table, str(folder / (f.stem + ".parquet")))
    ordered = str(work / "hourly_ordered.csv")
    if not os.path.exists(ordered):
        ordered = split_tracks(workload_1000, csv_folder)
    _, ref_rows = rows(single_process(ordered, str(work / "single_3p.csv")))
    out = work / "spark_split.parquet"
    status, err = run_job(str(folder), "--airspace", "PL", "-o", str(out))
    assert status == 0, err
    table = pq.read_table(str(out)).to_pylist()
    assert len(table) == len(ref_rows)
    for r in table:
        ref = ref_rows[(r["track_id"], r["airspace"])]
        assert f"{r['dwell_s']:.3f}" == ref[2]
        assert str(r["incursions"]) == ref[3] and str(r["fixes"]) == ref[8]
        entry = r["first_entry_time"]
        assert (entry.strftime("%Y-%m-%dT%H:%M:%S") if entry else "") == ref[6][:19]


def test_a_bad_row_fails_the_job_naming_file_and_line(spark, work, workload_1000):
    folder = work / "bad"
    folder.mkdir(exist_ok=True)
    with open(workload_1000) as f:
        lines = [next(f).rstrip("\n") for _ in range(4001)]
    (folder / "a.csv").write_text("\n".join(lines[:2001]) + "\n")
    body = lines[2001:4001]
    fields = body[1499].split(",")
    fields[2] = "abc"
    body[1499] = ",".join(fields)  # line 1501 of b.csv (line 1 is the header)
    (folder / "b.csv").write_text("\n".join([lines[0], *body]) + "\n")
    out = work / "bad_out.csv"
    out.write_text("earlier result\n")
    # Small splits, so that the bad line lies in a later split of its file.
    spark.conf.set("spark.sql.files.maxPartitionBytes", "16384")
    try:
        status, err = run_job(str(folder), "--airspace", "PL", "-o", str(out))
    finally:
        spark.conf.unset("spark.sql.files.maxPartitionBytes")
    assert status == 1
    last = err.strip().splitlines()[-1]
    assert f"Error: {folder / 'b.csv'}:1501: track '4':" in last, last
    assert "unparsable number 'abc' in column 'lon'" in last, last
    assert out.read_text() == "earlier result\n", "the earlier output is left as it was"
    assert not [p for p in work.iterdir() if ".tmp-" in p.name], "no scratch output left behind"
