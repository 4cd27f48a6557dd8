#!/usr/bin/env bash
# Builds the seed corpora in work/TARGET from the shipped files: answers,
# their estimation sections, transcripts of piped sessions, and every data
# file with the byte that picks it. Run from fuzz/ after `cargo build` at the top.
set -euo pipefail
cd "$(dirname "$0")"
bin=../target/debug/sdcoach
mkdir -p work/answer_grader work/quantities work/transcript_loader work/data_loader work/diagram
i=0
for f in ../examples/url-shortener.md ../tests/calibration/*/*.md; do
  i=$((i + 1))
  { printf "\\x$(printf %02x $((i % 9)))"; cat "$f"; } > "work/answer_grader/seed-$i"
  awk '/^## .*[Ee]stimat/{p=1;next} /^## /{p=0} p' "$f" > "work/quantities/seed-$i"
  [ -s "work/quantities/seed-$i" ] || rm "work/quantities/seed-$i"
  awk '/^## .*[Hh]igh/{p=1;next} /^## /{p=0} p' "$f" > "work/diagram/seed-$i"
  [ -s "work/diagram/seed-$i" ] || rm "work/diagram/seed-$i"
done
cp ../tests/fixtures/*.yaml work/transcript_loader/
tmp=$(mktemp -d)
printf 'I assume 1M pastes a day.\n.\nCreate and read pastes.\n.\n' | "$bin" --transcripts "$tmp" practice pastebin > /dev/null
printf ':hint\n?how many users\nnotes\n.\n:next\n.\n' | "$bin" --transcripts "$tmp" interview twitter > /dev/null
cp "$tmp"/*.yaml work/transcript_loader/
rm -rf "$tmp"
# The data files in the order the binary embeds them (sorted paths).
i=0
for f in $(cd .. && ls problems/*.yaml rubrics/*.yaml | sort); do
  { printf "\\x$(printf %02x $i)"; cat "../$f"; } > "work/data_loader/seed-$(printf %02d $i)"
  i=$((i + 1))
done
