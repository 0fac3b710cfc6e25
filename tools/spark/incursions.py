#!/usr/bin/env python3
"""`perimeter incursions` on Apache Spark: the same per-track rows, for inputs no single machine holds.

usage:
  spark-submit [--master URL] tools/spark/incursions.py TRACKS
      (--airspace ISO | --airspace-file F)... -o OUT
      [--coverage F] [--max-gap-s S] [--preset NAME] [--columns MAP]
      [--partitions N] [--perimeter BIN] [--geodata DIR] [--quiet]

TRACKS is a CSV file, a Parquet file or a folder of either (searched recursively; names starting
with `_` or `.` are skipped), on any file system Spark reads (local, HDFS, S3 …). A track's fixes
may be spread over several files and over several lines in any order.

The job repartitions the fixes by track id, sorts each partition by (id, time, file, line) and
streams every partition through `perimeter incursions - --format csv -o -` (one process per
task; the binary and the airspace files are shipped to the executors with SparkFiles). The
per-track rows it prints are written to OUT, sorted by track id (as text), with the header once:
a CSV file, or a Parquet file (typed columns, times as UTC timestamps) when OUT ends in
`.parquet`. The rows are those of `perimeter incursions TRACKS --format csv` on one machine.

A bad row fails the job with one line naming the original file and line (Parquet: row), the
track and the problem, exit status 1; OUT is then left as it was.
"""
import argparse
import csv
import os
import re
import select
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from functools import reduce

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))

# Column names of the CLI's presets, as far as this job needs them: the track id and the time
# (to partition and sort). Everything else (units, other columns) is left to the CLI.
PRESETS = {
    "opensky": {"id": "icao24", "time": "time"},
    "traffic": {"id": "icao24", "time": "timestamp"},
    "fr24": {"id": "callsign", "time": ["timestamp", "utc"]},
}
DEFAULT_COLUMNS = {"id": "track_id", "time": "time"}

# Types of the per-track columns in Parquet output (by name; anything else is text).
INT_COLUMNS = {"incursions": "int", "fixes": "bigint", "merged_exits": "int"}
BOOL_COLUMNS = {"open_at_start", "open_at_end"}

ROW_ERROR = re.compile(r"<<PERIMETER_BAD_ROW (-?\d+) (-?\d+) (-?\d+)\|(.*?)>>", re.S)
JOB_ERROR = re.compile(r"<<PERIMETER_FAILED\|(.*?)>>", re.S)
# The CLI names standard input `-` (or `/dev/stdin`) in its `file:line: problem` messages.
STDIN_LINE = re.compile(r"^(?:Error:\s*)?(?:-|<stdin>|stdin|/dev/stdin):(\d+):(.*)$", re.M)


class JobError(Exception):
    """A failure reported to the user as one line."""


# ---------------------------------------------------------------------------------------------
# Arguments


def parse_args(argv):
    p = argparse.ArgumentParser(
        prog="incursions.py",
        description="perimeter incursions on Spark: per-track incursion rows for CSV/Parquet tracks.")
    p.add_argument("tracks", metavar="TRACKS", help="CSV or Parquet file, or a folder of either")
    p.add_argument("--airspace", action="append", default=[], metavar="ISO",
                   help="national airspace (GeoData/airspace/ISO.geojson); repeatable")
    p.add_argument("--airspace-file", action="append", default=[], metavar="F",
                   help="GeoJSON file of Polygon/MultiPolygon airspace features; repeatable")
    p.add_argument("--coverage", metavar="F", help="coverage GeoJSON (as for perimeter incursions)")
    p.add_argument("--max-gap-s", type=float, help="passed to perimeter incursions")
    p.add_argument("--preset", help="input layout preset, passed to perimeter incursions (opensky, traffic, fr24)")
    p.add_argument("--time-unit", help="unit of numeric times (s, ms, …), passed to perimeter incursions")
    p.add_argument("--columns", help="CSV column names id=…,time=…,lon=…,lat=…,alt=…, passed to perimeter incursions")
    p.add_argument("-o", "--output", required=True, metavar="OUT", help="OUT.csv, or OUT.parquet")
    p.add_argument("--partitions", type=int,
                   help="track partitions, one perimeter process each (default: 2 per core, at least one per 512 MiB of input)")
    p.add_argument("--perimeter", metavar="BIN",
                   help="perimeter executable (default: $PERIMETER_BIN, .build/release, .build/debug, PATH)")
    p.add_argument("--geodata", metavar="DIR", help="GeoData directory for --airspace (default: $PERIMETER_GEODATA or the repository's)")
    p.add_argument("--quiet", action="store_true", help="no progress or summary")
    a = p.parse_args(argv)
    if not a.airspace and not a.airspace_file:
        p.error("give at least one --airspace ISO or --airspace-file FILE")
    if a.partitions is not None and a.partitions < 1:
        p.error("--partitions must be at least 1")
    if a.max_gap_s is not None and not (a.max_gap_s > 0):
        p.error("--max-gap-s must be a positive number of seconds")
    return a


def column_names(args):
    """Names (lower case) of the id and time columns: --columns over --preset over the defaults.
    The time entry may list alternatives."""
    names = dict(DEFAULT_COLUMNS)
    if args.preset:
        if args.preset.lower() not in PRESETS:
            raise JobError(f"--preset {args.preset}: this job reads CSV or Parquet rows; use {', '.join(sorted(PRESETS))}")
        names.update(PRESETS[args.preset.lower()])
    if args.columns:
        for pair in args.columns.split(","):
            k, _, v = pair.partition("=")
            if k.strip() in names and v.strip():
                names[k.strip()] = v.strip()
    return {k: ([x.lower() for x in v] if isinstance(v, list) else [v.lower()]) for k, v in names.items()}


def find_binary(args):
    candidates = [args.perimeter, os.environ.get("PERIMETER_BIN"),
                  os.path.join(REPO, ".build/release/perimeter"), os.path.join(REPO, ".build/debug/perimeter"),
                  shutil.which("perimeter")]
    for c in candidates:
        if c and os.path.isfile(c) and os.access(c, os.X_OK):
            return os.path.abspath(c)
    if args.perimeter:
        raise JobError(f"{args.perimeter}: not an executable file")
    raise JobError("cannot find the perimeter executable: build it (swift build -c release) or give --perimeter BIN")


def airspace_files(args):
    """(name shipped to executors, local path) per airspace, in the CLI's order: codes, then files."""
    geodata = args.geodata or os.environ.get("PERIMETER_GEODATA") or os.path.join(REPO, "GeoData")
    out = []
    for code in args.airspace:
        path = os.path.join(geodata, "airspace", code.upper() + ".geojson")
        if not os.path.isfile(path):
            raise JobError(f"{path}: no such airspace file (--airspace {code}); give --airspace-file FILE or --geodata DIR")
        out.append(path)
    for f in args.airspace_file:
        if not os.path.isfile(f):
            raise JobError(f"{f}: no such file")
        out.append(os.path.abspath(f))
    names = [os.path.basename(p) for p in out]
    for n in set(names):
        if names.count(n) > 1:
            raise JobError(f"two airspaces named '{os.path.splitext(n)[0]}': rename one of the files")
    return out


# ---------------------------------------------------------------------------------------------
# Input files (Hadoop file system, so that HDFS, S3 and local paths all work)


class HadoopFS:
    def __init__(self, spark):
        self.jvm = spark.sparkContext._jvm
        self.conf = spark.sparkContext._jsc.hadoopConfiguration()

    def path(self, text):
        return self.jvm.org.apache.hadoop.fs.Path(text)

    def fs(self, path):
        return path.getFileSystem(self.conf)

    def list_inputs(self, text):
        """(qualified path, bytes) of the input files under `text` (a file or a folder), sorted."""
        p = self.path(text)
        fs = self.fs(p)
        if not fs.exists(p):
            raise JobError(f"{text}: no such file or folder")
        status = fs.getFileStatus(p)
        if not status.isDirectory():
            return [(fs.makeQualified(p).toString(), status.getLen())]
        root = fs.makeQualified(p).toString()
        files = []
        it = fs.listFiles(p, True)
        while it.hasNext():
            s = it.next()
            path = s.getPath().toString()
            if any(part.startswith(("_", ".")) for part in path[len(root):].split("/") if part):
                continue
            files.append((path, s.getLen()))
        return sorted(files)

    def first_line(self, text):
        p = self.path(text)
        stream = self.fs(p).open(p)
        codec = self.jvm.org.apache.hadoop.io.compress.CompressionCodecFactory(self.conf).getCodec(p)
        if codec is not None:
            stream = codec.createInputStream(stream)
        reader = self.jvm.java.io.BufferedReader(self.jvm.java.io.InputStreamReader(stream, "UTF-8"))
        try:
            line = reader.readLine()
        finally:
            reader.close()
        return (line or "").lstrip("\ufeff").rstrip("\r")

    def exists(self, text):
        p = self.path(text)
        return self.fs(p).exists(p)

    def delete(self, text):
        p = self.path(text)
        self.fs(p).delete(p, True)

    def rename(self, src, dst):
        s, d = self.path(src), self.path(dst)
        if not self.fs(s).rename(s, d):
            raise JobError(f"{dst}: cannot move the result into place")

    def part_files(self, folder, suffix):
        p = self.path(folder)
        fs = self.fs(p)
        return sorted(s.getPath().toString() for s in fs.listStatus(p)
                      if s.getPath().getName().startswith("part-") and s.getPath().getName().endswith(suffix))

    def concatenate(self, header, parts, dst):
        """Writes `header` then every part file's bytes to `dst` (JVM-side copies)."""
        d = self.path(dst)
        out = self.fs(d).create(d, True)
        try:
            out.write(bytearray(header.encode("utf-8")))
            for part in parts:
                s = self.path(part)
                stream = self.fs(s).open(s)
                self.jvm.org.apache.hadoop.io.IOUtils.copyBytes(stream, out, self.conf, False)
                stream.close()
        finally:
            out.close()


def split_kind(path):
    name = path.lower()
    for ext in (".gz", ".bz2", ".zst", ".lz4", ".snappy", ".deflate"):
        if name.endswith(ext) and not name.endswith(".parquet" + ext):
            name = name[: -len(ext)]
    if name.endswith(".parquet") or ".parquet" in os.path.basename(name):
        return "parquet"
    return "csv"


def delimiter_of(header):
    counts = {d: header.count(d) for d in (",", ";", "\t")}
    return max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","


def field_names(header, delim):
    return [f.strip().strip('"').strip() for f in header.split(delim)]


def index_of(names, wanted, file, role):
    lower = [n.lower() for n in names]
    for w in wanted:
        if w in lower:
            return lower.index(w)
    raise JobError(f"{file}:1: missing {role} column '{wanted[0]}' in the header (found: {', '.join(names)})")


# ---------------------------------------------------------------------------------------------
# Reading: every fix row as (value, id, tkey, file_idx, block, row)


def read_csv_inputs(spark, hfs, files, wanted):
    from pyspark.sql import functions as F

    headers = {f: hfs.first_line(f) for f in files}
    first = files[0]
    header = headers[first]
    for f in files[1:]:
        if field_names(headers[f], delimiter_of(headers[f])) != field_names(header, delimiter_of(header)):
            raise JobError(f"{f}:1: header differs from {first}: '{headers[f]}' vs '{header}'")
    delim = delimiter_of(header)
    names = field_names(header, delim)
    id_i = index_of(names, wanted["id"], first, "track id")
    time_i = index_of(names, wanted["time"], first, "time")

    frames = []
    for k, f in enumerate(files):
        raw = spark.read.text(f).select(
            F.col("value"),
            F.lit(k).alias("file_idx"),
            F.col("_metadata.file_block_start").alias("block"),
            # Row within the file split: the split is alone in its task (one file per scan).
            F.monotonically_increasing_id().bitwiseAND((1 << 33) - 1).alias("row"))
        frames.append(raw)
    df = reduce(lambda a, b: a.unionByName(b), frames)
    df = df.where(~((F.col("block") == 0) & (F.col("row") == 0)) & (F.col("value") != ""))

    def clean(i):
        # Field i without blanks or surrounding quotes (substring_index: no per-row array).
        field = F.trim(F.substring_index(F.substring_index(F.col("value"), delim, i + 1), delim, -1))
        return F.when(field.startswith('"'), F.regexp_replace(field, r'^"(.*)"$', "$1")).otherwise(field)

    df = df.select("value", "file_idx", "block", "row",
                   clean(id_i).alias("id"), time_key(clean(time_i)).alias("tkey"))
    return df, header


def time_key(text_col):
    """Epoch seconds of a time field: a number, else ISO 8601 (null when neither: the CLI judges,
    and sorts each track itself)."""
    from pyspark.sql import functions as F
    as_number = text_col.try_cast("double")
    as_time = F.unix_micros(F.try_to_timestamp(text_col)) / F.lit(1e6)
    return F.coalesce(as_number, as_time)


def read_parquet_inputs(spark, files, wanted):
    from pyspark.sql import functions as F
    from pyspark.sql import types as T

    first = spark.read.parquet(files[0])
    cols = [f for f in first.schema.fields
            if isinstance(f.dataType, (T.NumericType, T.StringType, T.TimestampType, T.TimestampNTZType,
                                       T.BooleanType, T.DateType))]
    names = [f.name for f in cols]
    id_i = index_of(names, wanted["id"], files[0], "track id")
    time_i = index_of(names, wanted["time"], files[0], "time")
    header = ",".join(names)

    def text(f):
        c = F.col(f"`{f.name}`")
        if isinstance(f.dataType, (T.TimestampType, T.TimestampNTZType)):
            return F.date_format(c, "yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
        if isinstance(f.dataType, T.StringType):
            return F.when(c.contains(",") | c.contains('"'),
                          F.concat(F.lit('"'), F.regexp_replace(c, '"', '""'), F.lit('"'))).otherwise(c)
        return c.cast("string")

    def key(f):
        c = F.col(f"`{f.name}`")
        if isinstance(f.dataType, (T.TimestampType, T.TimestampNTZType)):
            return F.unix_micros(c.cast("timestamp")) / F.lit(1e6)
        if isinstance(f.dataType, T.NumericType):
            return c.cast("double")
        return time_key(c.cast("string"))

    frames = []
    for k, path in enumerate(files):
        d = spark.read.parquet(path)
        if [f.name for f in d.schema.fields if f.name in names] != names:
            raise JobError(f"{path}: columns differ from {files[0]} ({', '.join(names)})")
        line = F.concat_ws(",", *[F.coalesce(text(f), F.lit("")) for f in cols])
        frames.append(d.select(
            line.alias("value"), F.lit(k).alias("file_idx"), F.lit(0).cast("long").alias("block"),
            F.col("_metadata.row_index").alias("row"),
            F.col(f"`{names[id_i]}`").cast("string").alias("id"), key(cols[time_i]).alias("tkey")))
    return reduce(lambda a, b: a.unionByName(b), frames), header


# ---------------------------------------------------------------------------------------------
# Executors: one perimeter process per partition


def make_partition_runner(binary_name, airspace_names, coverage_name, flags, header, codes=(), countries_name=None):
    """`codes`: the --airspace ISO codes, whose files are the first len(codes) of `airspace_names`: run as
    `--airspace ISO` in a GeoData folder made of the shipped files (airspace/ISO.geojson, countries.geojson, profiles.json),
    so that the CLI splits their time into land and territorial sea exactly as on one machine."""
    header_bytes = (header + "\n").encode("utf-8")
    geodata_dir = []

    def geodata():
        from pyspark import SparkFiles
        if not geodata_dir:
            d = tempfile.mkdtemp(prefix="perimeter-geodata-")
            os.makedirs(os.path.join(d, "airspace"))
            for code, name in zip(codes, airspace_names):
                os.symlink(SparkFiles.get(name), os.path.join(d, "airspace", code + ".geojson"))
            os.symlink(SparkFiles.get(countries_name), os.path.join(d, "countries.geojson"))
            # GeoData's marker file (the CLI recognises a GeoData folder by it).
            os.symlink(SparkFiles.get("profiles.json"), os.path.join(d, "profiles.json"))
            geodata_dir.append(d)
        return geodata_dir[0]

    def executable():
        from pyspark import SparkFiles
        path = SparkFiles.get(binary_name)
        if not os.access(path, os.X_OK):
            copy = os.path.join(tempfile.mkdtemp(prefix="perimeter-"), binary_name)
            shutil.copy(path, copy)
            os.chmod(copy, 0o755)
            path = copy
        return path

    def command():
        from pyspark import SparkFiles
        cmd = [executable(), "incursions", "-", "--format-in", "csv", "--format", "csv", "-o", "-",
               "--quiet", "--sort", "--threads", "1"]
        if codes:
            cmd += ["--geodata", geodata()]
            for code in codes:
                cmd += ["--airspace", code]
        for a in airspace_names[len(codes):]:
            cmd += ["--airspace-file", SparkFiles.get(a)]
        if coverage_name:
            cmd += ["--coverage", SparkFiles.get(coverage_name)]
        return cmd + flags

    def run(batches):
        import numpy as np
        import pyarrow as pa

        proc = None
        origins = []          # per input batch: (rows, file_idx, block, row) arrays
        pending = b""
        out_buf = bytearray()
        err = bytearray()
        out_header = None
        seq = 0
        last_track = None
        input_done = False
        stdin_open = True
        reading = set()

        def rows_bytes(col):
            """The batch's lines, each with its newline, as one bytes object (zero-copy slice)."""
            col = col.combine_chunks() if isinstance(col, pa.ChunkedArray) else col
            offs = np.frombuffer(col.buffers()[1], dtype=np.int64 if pa.types.is_large_string(col.type) else np.int32)
            data = col.buffers()[2]
            start, end = int(offs[col.offset]), int(offs[col.offset + len(col)])
            return data.to_pybytes()[start:end] if data is not None else b""

        def emit(lines):
            nonlocal out_header, seq, last_track
            kinds, ids, seqs, texts, fixes = [], [], [], [], []
            for line in lines:
                text = line.decode("utf-8")
                if out_header is None:
                    out_header = text
                    kinds.append(0); ids.append(""); seqs.append(-1); texts.append(text); fixes.append(0)
                    continue
                fields = next(csv.reader([text]))
                tid = fields[0]
                names = out_header.split(",")
                n = int(fields[names.index("fixes")]) if "fixes" in names and tid != last_track else 0
                last_track = tid
                kinds.append(1); ids.append(tid); seqs.append(seq); texts.append(text); fixes.append(n)
                seq += 1
            return pa.RecordBatch.from_arrays(
                [pa.array(kinds, pa.int32()), pa.array(ids, pa.string()), pa.array(seqs, pa.int64()),
                 pa.array(texts, pa.string()), pa.array(fixes, pa.int64())],
                names=["kind", "track_id", "seq", "line", "fixes"])

        it = iter(batches)
        while True:
            if not pending and not input_done:
                try:
                    b = next(it)
                except StopIteration:
                    input_done = True
                    b = None
                if b is not None and b.num_rows:
                    if proc is None:
                        proc = subprocess.Popen(command(), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                                stderr=subprocess.PIPE)
                        for f in (proc.stdin, proc.stdout, proc.stderr):
                            os.set_blocking(f.fileno(), False)
                        reading = {proc.stdout.fileno(), proc.stderr.fileno()}
                        pending = header_bytes
                    pending += rows_bytes(b.column(0))
                    origins.append((b.num_rows, b.column(1).to_numpy(), b.column(2).to_numpy(), b.column(3).to_numpy()))
                if proc is None:
                    if input_done:
                        return
                    continue
            if input_done and not pending and stdin_open:
                proc.stdin.close()
                stdin_open = False
            if not reading and not stdin_open:
                break
            wlist = [proc.stdin.fileno()] if stdin_open and pending else []
            r, w, _ = select.select(list(reading), wlist, [])
            if w:
                try:
                    n = os.write(proc.stdin.fileno(), pending[: 1 << 20])
                    pending = pending[n:]
                except BrokenPipeError:
                    pending = b""
                    input_done = True
            for fd in r:
                chunk = os.read(fd, 1 << 20)
                if not chunk:
                    reading.discard(fd)
                elif fd == proc.stdout.fileno():
                    out_buf += chunk
                else:
                    err += chunk
            cut = out_buf.rfind(b"\n")
            if cut >= 0 and (cut > (1 << 16) or not reading):
                lines = bytes(out_buf[:cut]).split(b"\n")
                del out_buf[: cut + 1]
                yield emit(lines)
        code = proc.wait()
        if out_buf.strip():
            yield emit(bytes(out_buf).rstrip(b"\n").split(b"\n"))
        if code != 0:
            message = err.decode("utf-8", "replace").strip()
            for m in STDIN_LINE.finditer(message):
                index = int(m.group(1)) - 2   # line 1 is the header
                for rows, files, blocks, row_numbers in origins:
                    if index < rows:
                        raise RuntimeError(f"<<PERIMETER_BAD_ROW {int(files[index])} {int(blocks[index])} "
                                           f"{int(row_numbers[index])}|{m.group(2).strip()}>>")
                    index -= rows
            last = [l for l in message.splitlines() if l.strip()]
            raise RuntimeError(f"<<PERIMETER_FAILED|perimeter incursions exited with status {code}: "
                               f"{last[-1] if last else 'no message'}>>")

    return run


# ---------------------------------------------------------------------------------------------
# Output


def parquet_frame(rows, header):
    from pyspark.sql import functions as F
    names = header.split(",")
    ddl = ", ".join(f"`{n}` STRING" for n in names)
    parsed = rows.select(F.from_csv(F.col("line"), ddl).alias("r"), "track_id", "seq")
    cols = []
    for n in names:
        c = F.col(f"r.`{n}`")
        if n in INT_COLUMNS:
            c = c.try_cast(INT_COLUMNS[n])
        elif n.endswith("_time"):
            c = F.try_to_timestamp(F.nullif(c, F.lit("")))
        elif n in BOOL_COLUMNS:
            c = F.nullif(c, F.lit("")).try_cast("boolean")
        elif n.endswith(("_s", "_km", "_m", "_km2", "_lon", "_lat")):
            c = c.try_cast("double")
        cols.append(c.alias(n))
    return parsed.orderBy("track_id", "seq").select(*cols)


def write_output(spark, hfs, out, header, rows):
    target = hfs.fs(hfs.path(out)).makeQualified(hfs.path(out)).toString()
    scratch = target + f".tmp-{uuid.uuid4().hex[:8]}"
    try:
        if out.lower().endswith(".parquet"):
            parquet_frame(rows, header).coalesce(1).write.parquet(scratch)
            part = hfs.part_files(scratch, ".parquet")[0]
            staged = part
        else:
            rows.orderBy("track_id", "seq").select("line").coalesce(1).write.text(scratch)
            staged = scratch + ".csv"
            hfs.concatenate(header + "\n", hfs.part_files(scratch, ".txt") or hfs.part_files(scratch, ""), staged)
        if hfs.exists(target):
            hfs.delete(target)
        hfs.rename(staged, target)
    finally:
        for p in (scratch, scratch + ".csv"):
            if hfs.exists(p):
                hfs.delete(p)


# ---------------------------------------------------------------------------------------------


def line_of(spark, files, kinds, file_idx, block, row):
    """`file:line` (CSV) or `file: row N` (Parquet) of a row found by (file, split start, row in split)."""
    from pyspark.sql import functions as F
    path = files[file_idx]
    if kinds[file_idx] == "parquet":
        return f"{path}: row {row + 1}"
    before = 0
    if block > 0:
        before = spark.read.text(path).where(F.col("_metadata.file_block_start") < F.lit(block)).count()
    return f"{path}:{before + row + 1}"


def display(path):
    return path[len("file:"):] if path.startswith("file:") else path


def main(argv):
    args = parse_args(argv)
    if not os.environ.get("PYSPARK_PYTHON"):
        os.environ["PYSPARK_PYTHON"] = sys.executable  # local masters: workers run this interpreter
    started = time.time()
    try:
        wanted = column_names(args)
        binary = find_binary(args)
        airspaces = airspace_files(args)
        if args.coverage and not os.path.isfile(args.coverage):
            raise JobError(f"{args.coverage}: no such file")
    except JobError as e:
        print(f"Error: {e}", file=sys.stderr)
        return 1

    from pyspark.sql import SparkSession
    from pyspark.sql import functions as F

    owned = SparkSession.getActiveSession() is None  # a caller's session (tests) is left running
    spark = (SparkSession.builder.appName("perimeter-incursions")
             .config("spark.sql.session.timeZone", "UTC")
             .getOrCreate())
    if owned:
        spark.sparkContext.setLogLevel("ERROR")
    spark.conf.set("spark.sql.session.timeZone", "UTC")
    hfs = HadoopFS(spark)
    files, kinds = [], []
    try:
        listed = hfs.list_inputs(args.tracks)
        files = [f for f, _ in listed]
        if not files:
            raise JobError(f"{args.tracks}: no input files")
        kinds = [split_kind(f) for f in files]
        if len(set(kinds)) > 1:
            raise JobError(f"{args.tracks}: holds both CSV and Parquet files; give one kind")
        if kinds[0] == "csv":
            df, header = read_csv_inputs(spark, hfs, files, wanted)
        else:
            df, header = read_parquet_inputs(spark, files, wanted)

        sc = spark.sparkContext
        sc.addFile(binary)
        for a in airspaces:
            sc.addFile(a)
        codes = [c.upper() for c in args.airspace]
        countries = None
        if codes:
            geodata = args.geodata or os.environ.get("PERIMETER_GEODATA") or os.path.join(REPO, "GeoData")
            countries = os.path.join(geodata, "countries.geojson")
            if not os.path.isfile(countries):
                raise JobError(f"{countries}: no such file (the land of --airspace {codes[0]}); give --geodata DIR")
            sc.addFile(countries)
            sc.addFile(os.path.join(geodata, "profiles.json"))
        if args.coverage:
            sc.addFile(os.path.abspath(args.coverage))
        flags = []
        if args.max_gap_s is not None:
            flags += ["--max-gap-s", repr(args.max_gap_s)]
        if args.preset:
            flags += ["--preset", args.preset]
        if args.columns:
            flags += ["--columns", args.columns]
        if args.time_unit:
            flags += ["--time-unit", args.time_unit]
        runner = make_partition_runner(os.path.basename(binary), [os.path.basename(a) for a in airspaces],
                                       os.path.basename(args.coverage) if args.coverage else None, flags, header,
                                       codes=codes, countries_name=os.path.basename(countries) if countries else None)
        # Two tasks per core, more for big inputs (≈ 512 MiB of rows per task): each task runs one
        # perimeter process whose memory is bounded by the tracks in flight, so few big tasks are fine.
        total = sum(n for _, n in listed)
        partitions = args.partitions or max(2 * sc.defaultParallelism, -(-total // (512 << 20)))
        grouped = (df.repartition(partitions, "id")
                   .sortWithinPartitions("id", "tkey", "file_idx", "block", "row")
                   .select(F.concat(F.col("value"), F.lit("\n")).alias("value"), "file_idx", "block", "row"))
        out = grouped.mapInArrow(runner, "kind int, track_id string, seq long, line string, fixes long").persist()
        summary = out.groupBy("kind").agg(F.min("line").alias("line"), F.count(F.lit(1)).alias("n"),
                                          F.sum("fixes").alias("fixes"), F.sum((F.col("fixes") > 0).cast("long")).alias("tracks")).collect()
        heads = [r for r in summary if r.kind == 0]
        data = [r for r in summary if r.kind == 1]
        if not heads or not data:
            raise JobError(f"{args.tracks}: no tracks in the input")
        header_out = heads[0].line
        write_output(spark, hfs, args.output, header_out, out.where(F.col("kind") == 1))
        out.unpersist()
        elapsed = time.time() - started
        if not args.quiet:
            print(f"incursions (spark, {sc.master}): {data[0].tracks} tracks, {data[0].fixes} fixes from "
                  f"{len(files)} file{'s' if len(files) != 1 else ''} in {elapsed:.2f} s "
                  f"({data[0].fixes / elapsed:.0f} fixes/s); {data[0].n} rows to {args.output}")
        return 0
    except JobError as e:
        print(f"Error: {e}", file=sys.stderr)
        return 1
    except Exception as e:  # a failure inside the job: find our marker in Spark's message
        text = str(e)
        m = ROW_ERROR.search(text)
        if m:
            where = line_of(spark, files, kinds, int(m.group(1)), int(m.group(2)), int(m.group(3)))
            print(f"Error: {display(where)}: {m.group(4).strip()}", file=sys.stderr)
            return 1
        m = JOB_ERROR.search(text)
        if m:
            print(f"Error: {m.group(1)}", file=sys.stderr)
            return 1
        first = next((l for l in text.splitlines() if l.strip()), repr(e))
        print(f"Error: Spark job failed: {first}", file=sys.stderr)
        return 1
    finally:
        if owned:
            spark.stop()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
