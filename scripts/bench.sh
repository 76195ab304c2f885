#!/usr/bin/env bash
# Throughput and memory of the release binary over a corpus, with 1 and 2 threads, then peak
# memory over a 1 GB JSON Lines file.
#
#   scripts/bench.sh            # the full OrangeSum corpus when ../shared has it, else corpus/
#   scripts/bench.sh FILE       # any .jsonl / .jsonl.gz / directory
#   QUICK=1 scripts/bench.sh    # skip the 1 GB memory run
#   RUNS=5 scripts/bench.sh     # runs per thread count over the corpus (default 3)
#
# Prints, per run: articles, MB of text, wall seconds, MB/s of text, articles/s, peak RSS; then,
# per thread count, the best and the median of the runs (alternated, 1 then 2 threads), as a
# shared machine's speed moves from one minute to the next.
set -euo pipefail
cd "$(dirname "$0")/.."

input=${1:-}
if [[ -z $input ]]; then
    if [[ -f ../shared/data/news/orangesum.jsonl.gz ]]; then
        input=../shared/data/news/orangesum.jsonl.gz
    else
        input=corpus/orangesum-sample.jsonl.gz
    fi
fi

cargo build --release --quiet
bin=target/release/fouille
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
echo "input:   $input"

# One run: the stats file gives counts and speed, /usr/bin/time the peak resident memory.
run() {
    local label=$1 threads=$2 file=$3
    /usr/bin/time -f '%M' -o "$work/rss" \
        "$bin" extract "$file" --threads "$threads" --quiet --stats "$work/stats.json" -o /dev/null \
        || [[ $? -eq 2 ]]
    python3 - "$label" "$threads" "$work/stats.json" "$work/rss" <<'EOF'
import json, sys
label, threads, stats, rss = sys.argv[1:]
s = json.load(open(stats))
peak = int(open(rss).read().split()[-1]) / 1024
print(f"{label:<10} threads {threads}: {s['articles']:>8} articles ({s['errors']} errors), "
      f"{s['text_bytes'] / 1e6:8.1f} MB of text in {s['seconds']:7.2f} s: "
      f"{s['text_mb_per_second']:6.2f} MB/s, {s['articles_per_second']:7.0f} articles/s, "
      f"peak RSS {peak:.0f} MB")
EOF
    python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["text_mb_per_second"])' \
        "$work/stats.json" >> "$work/speeds-$label-$threads"
}

# Best and median MB/s of the runs of one label and thread count.
summary() {
    local label=$1 threads=$2
    python3 - "$label" "$threads" "$work/speeds-$label-$threads" <<'EOF'
import statistics, sys
label, threads, path = sys.argv[1:]
speeds = sorted(float(x) for x in open(path))
print(f"{label:<10} threads {threads}: best {speeds[-1]:.2f} MB/s, median {statistics.median(speeds):.2f} "
      f"MB/s over {len(speeds)} runs ({', '.join(f'{x:.2f}' for x in speeds)})")
EOF
}

# The first pass warms the page cache so that both measured runs read from memory.
"$bin" extract "$input" --quiet -o /dev/null || true
for _ in $(seq "${RUNS:-3}"); do
    run corpus 1 "$input"
    run corpus 2 "$input"
done
summary corpus 1
summary corpus 2

if [[ -z ${QUICK:-} ]]; then
    # 1 GB of JSON Lines: the corpus, uncompressed, repeated until it weighs a gigabyte.
    big="$work/1gb.jsonl"
    plain="$work/plain.jsonl"
    case $input in
        *.gz) gzip -dc "$input" > "$plain" ;;
        *) cat "$input" > "$plain" ;;
    esac
    size=$(stat -c %s "$plain")
    while [[ $(stat -c %s "$big" 2>/dev/null || echo 0) -lt 1000000000 ]]; do
        cat "$plain" >> "$big"
    done
    rm "$plain"
    echo "1 GB file: $(stat -c %s "$big") bytes ($(( $(stat -c %s "$big") / size )) copies of the input)"
    run 1gb 2 "$big"
fi
