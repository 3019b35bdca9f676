#!/bin/sh
# Seeds fuzz/corpus/<target>/ from the project's fixtures (run from fuzz/).
# A pair of drafts is one input: OLD, a NUL byte, NEW.
set -eu
cd "$(dirname "$0")"
F=../fixtures
mkdir -p corpus/plain_text corpus/pdf_text corpus/docx corpus/amendments corpus/fix
pairs() {
    for dir in "$F"/*/; do
        name=$(basename "$dir")
        for old in "$dir"old*.txt "$dir"before*.txt; do
            [ -f "$old" ] || continue
            new=$(echo "$old" | sed 's/old/new/; s/before/after/')
            [ -f "$new" ] || continue
            out="$1/$name-$(basename "$old" .txt)"
            { cat "$old"; printf '\0'; cat "$new"; } > "$out"
        done
    done
}
pairs corpus/plain_text
pairs corpus/amendments
pairs corpus/fix
for f in "$F"/*/*.txt; do
    cp "$f" "corpus/plain_text/single-$(echo "${f#../}" | tr / _)"
done
for f in "$F"/pdf-*/*.txt "$F"/*/extracted*.txt; do
    [ -f "$f" ] && cp "$f" "corpus/pdf_text/$(echo "${f#../}" | tr / _)"
done
find "$F" -name '*.docx' | while read -r f; do
    cp "$f" "corpus/docx/$(echo "${f#../}" | tr / _)"
done
for f in "$F"/amend-*/*.txt; do
    cp "$f" "corpus/amendments/list-$(echo "${f#../}" | tr / _)"
done
for t in corpus/*; do echo "$t: $(ls "$t" | wc -l) inputs"; done
# The shared real-world files, when present (never committed: corpus/ is
# ignored).
R=../../shared/realworld
if [ -d "$R" ]; then
    find "$R" -name '*.docx' | while read -r f; do cp "$f" "corpus/docx/real-$(basename "$f")"; done
    find "$R" -name '*.txt' | while read -r f; do cp "$f" "corpus/pdf_text/real-$(basename "$f")"; done
    for t in corpus/docx corpus/pdf_text; do echo "$t: $(ls "$t" | wc -l) inputs with real-world files"; done
fi
