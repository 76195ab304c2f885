#!/usr/bin/env bash
# Prints the README's Quality tables: fouille's scores on the annotated files, next to spaCy's
# when its predictions were made (scripts/baselines/README.md).
#
#   scripts/quality.sh [GOLD_DIR] [SPACY_PREDICTIONS_DIR]
#
# GOLD_DIR holds the gold files of ../shared/data/gold (default); the claims development set is
# in the repository (corpus/claims-dev.jsonl).
set -euo pipefail
cd "$(dirname "$0")/.."
gold=${1:-../shared/data/gold}
spacy=${2:-/tmp/baselines}
cargo build --release --quiet
fouille=target/release/fouille
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "### Tokens and sentences"
echo
echo "| gold file | tokens P | tokens R | tokens F1 | sentences P | sentences R | sentences F1 |"
echo "|---|---|---|---|---|---|---|"
for f in ud-gsd-dev ud-gsd-test; do
  [ -f "$gold/$f.jsonl" ] || continue
  $fouille eval tokens --gold "$gold/$f.jsonl" --json > "$tmp/t.json"
  python3 - "$f" "$tmp/t.json" <<'PY'
import json, sys
name, path = sys.argv[1], sys.argv[2]
r = json.load(open(path))
t, s = r["tokens"], r["sentences"]
print(f"| {name} ({r['documents']} docs) | {t['precision']:.3f} | {t['recall']:.3f} | {t['f1']:.3f} | {s['precision']:.3f} | {s['recall']:.3f} | {s['f1']:.3f} |")
PY
done

echo
echo "### Mentions"
echo
echo "| gold file | type | gold | fouille P | fouille R | fouille strict F1 | fouille fuzzy F1 | fouille value F1 | spaCy md strict F1 | spaCy md fuzzy F1 |"
echo "|---|---|---|---|---|---|---|---|---|---|"
for spec in "hipe-dev-v1.4 --absolute-dates" "hipe-train-v0.9 --absolute-dates" "sequoia-nonnews" "timebank-even"; do
  f=${spec%% *}; flags=${spec#"$f"}
  [ -f "$gold/$f.jsonl" ] || continue
  # shellcheck disable=SC2086
  $fouille eval mentions --gold "$gold/$f.jsonl" $flags --json > "$tmp/m.json"
  if [ -f "$spacy/$f.spacy.jsonl" ]; then
    # shellcheck disable=SC2086
    $fouille eval mentions --gold "$gold/$f.jsonl" $flags --predictions "$spacy/$f.spacy.jsonl" --json > "$tmp/s.json"
  else
    echo '{"types": {}}' > "$tmp/s.json"
  fi
  python3 - "$f" "$tmp/m.json" "$tmp/s.json" <<'PY'
import json, sys
name, ours, theirs = sys.argv[1], json.load(open(sys.argv[2])), json.load(open(sys.argv[3]))
for kind, r in ours["types"].items():
    if kind in ("duration", "set"):
        continue
    s = theirs["types"].get(kind)
    sp = lambda key: "n/a" if not s or s[key]["predicted"] == 0 else f"{s[key]['f1']:.3f}"
    value = "-" if r["value"] is None else f"{r['value']['f1']:.3f}"
    st = r["strict"]
    print(f"| {name} | {kind} | {st['gold']} | {st['precision']:.3f} | {st['recall']:.3f} | {st['f1']:.3f} | {r['fuzzy']['f1']:.3f} | {value} | {sp('strict')} | {sp('fuzzy')} |")
PY
done

echo
echo "### Claims (corpus/claims-dev.jsonl)"
echo
$fouille eval claims --gold corpus/claims-dev.jsonl --json > "$tmp/c.json"
python3 - "$tmp/c.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
a, c = r["attributions"], r["claims"]
print("| measure | value |")
print("|---|---|")
print(f"| attributions: gold / predicted / matched | {a['gold']} / {a['predicted']} / {a['correct']} |")
print(f"| attribution precision | {a['precision']:.3f} |")
print(f"| attribution recall | {a['recall']:.3f} |")
for key in ("speaker", "cue", "direct"):
    print(f"| {key} accuracy (matched attributions) | {r[key]['accuracy']:.3f} ({r[key]['correct']} of {r[key]['total']}) |")
print(f"| claims ({r['claim_documents']} documents): gold / predicted / matched | {c['gold']} / {c['predicted']} / {c['correct']} |")
print(f"| claim precision / recall | {c['precision']:.3f} / {c['recall']:.3f} |")
for key in ("kind", "modality", "subject", "predicate"):
    print(f"| {key} accuracy (matched claims) | {r[key]['accuracy']:.3f} ({r[key]['correct']} of {r[key]['total']}) |")
PY
