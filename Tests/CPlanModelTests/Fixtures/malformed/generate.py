#!/usr/bin/env python3
"""Generate cplan malformed-input fixtures: NAME.yaml + NAME.expected (+ README.md)."""
import os, sys, random

OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))

MANIFEST = """\
cplan: 1
id: conduit-django
description: RealWorld Conduit API in Django
framework: django
runtime: python
instruction: Build a complete REST API server that implements the specification.
spec: ../spec/conduit.openapi.yml
server:
  port: 8080
  prefix: /api
  health: /api/health-check
dimensions:
  - id: database
    values:
      - {id: sqlite, label: SQLite}
      - {id: postgres, label: PostgreSQL}
  - id: orm
    values: [sqlalchemy]
"""

PACK = """\
cplan: 1
id: django
version: 1.0.0
title: Django conventions
rules:
  - id: django-append-slash
    severity: must
    topic: routing
    statement: Register every route without relying on APPEND_SLASH redirects.
  - id: django-csrf-api
    when: {framework: django}
    severity: should
    topic: auth
    statement: Exempt the token-authenticated API from CSRF checks.
"""

CASES = []  # dicts: name, data(bytes), expected [(line, col, sev, code)], what, kind


def at(text, needle, n=1, delta=0):
    """1-based (line, column-in-characters) of the n-th occurrence of needle, plus delta chars."""
    i = -1
    for _ in range(n):
        i = text.index(needle, i + 1)
    i += delta
    before = text[:i].replace("\r\n", "\n")
    line = before.count("\n") + 1
    col = len(before) - (before.rfind("\n") + 1) + 1
    return line, col


def sub(base, old, new, count=1):
    assert old in base, old
    return base.replace(old, new, count)


def case(name, text, exp, what, kind="text", data=None):
    if data is None:
        data = text.encode("utf-8")
    CASES.append(dict(name=name, data=data, text=text, exp=exp, what=what, kind=kind))


def E(pos, code, sev="error"):
    return (pos[0], pos[1], sev, code)


M, P = MANIFEST, PACK

# ---------------------------------------------------------------- libyaml syntax errors
t = sub(M, "description: RealWorld Conduit API in Django\n",
        'description: "RealWorld Conduit API in Django\n')
case("syntax-unclosed-double-quote", t, [E((19, 1), "yaml-syntax")],
     'double-quoted scalar never closed; libyaml hits the end of the stream', "syntax")

t = sub(P, "title: Django conventions", "title: 'Django conventions")
case("syntax-unclosed-single-quote", t, [E((15, 1), "yaml-syntax")],
     "single-quoted scalar never closed (pack)", "syntax")

t = sub(M, "values: [sqlalchemy]", "values: [sqlalchemy, peewee") + "packs: [django]\n"
case("syntax-unclosed-flow-sequence", t, [E(at(t, "packs:", delta=5), "yaml-syntax")],
     "flow sequence `[` never closed; the next block key is read inside it", "syntax")

t = sub(M, "- {id: postgres, label: PostgreSQL}", "- {id: postgres, label: PostgreSQL")
case("syntax-unclosed-flow-mapping", t, [E(at(t, "- id: orm", delta=4), "yaml-syntax")],
     "flow mapping `{` never closed", "syntax")

t = sub(M, "  prefix: /api\n", "    prefix: /api\n")
case("syntax-bad-indentation-deeper", t, [E(at(t, "prefix:", delta=6), "yaml-syntax")],
     "mapping entry indented deeper than its siblings (continues the plain scalar 8080)", "syntax")

t = sub(M, "  port: 8080\n  prefix: /api\n  health: /api/health-check\n",
        "    port: 8080\n  prefix: /api\n  health: /api/health-check\n")
case("syntax-bad-indentation-shallower", t, [E(at(t, "prefix:"), "yaml-syntax")],
     "mapping entry dedented to a column no enclosing mapping uses", "syntax")

t = sub(M, "values: [sqlalchemy]", "values: [sqlalchemy]]")
case("syntax-stray-closing-bracket", t, [E(at(t, "]]", delta=1), "yaml-syntax")],
     "stray `]` after a closed flow sequence", "syntax")

t = sub(M, "description: RealWorld Conduit API in Django",
        'description: "RealWorld \\q Conduit API"')
case("syntax-invalid-escape", t, [E(at(t, "\\q"), "yaml-syntax")],
     "unknown escape `\\q` in a double-quoted scalar", "syntax")

t = sub(M, "description: RealWorld Conduit API in Django",
        "description: Note: RealWorld Conduit API")
case("syntax-colon-in-plain-scalar", t, [E(at(t, "Note:", delta=4), "yaml-syntax")],
     "`: ` inside a plain scalar value (mapping values not allowed here)", "syntax")

t = sub(M, "framework: django\n", "framework\n")
case("syntax-key-without-colon", t, [E(at(t, "runtime:"), "yaml-syntax")],
     "a key line without `:` runs into the next line (could not find expected ':')", "syntax")

t = sub(M, "runtime: python\n", "runtime: python\n- node\n")
case("syntax-sequence-entry-in-mapping", t, [E(at(t, "- node"), "yaml-syntax")],
     "block sequence entry `-` where a mapping key is expected", "syntax")

t = "%YAML 2.0\n---\n" + M
case("syntax-yaml-directive-2", t, [E((1, 1), "yaml-syntax")],
     "`%YAML 2.0` directive: incompatible YAML version", "syntax")

t = sub(M, "framework: django", "framework: & django")
case("syntax-empty-anchor-name", t, [E(at(t, "& django", delta=1), "yaml-syntax")],
     "anchor `&` without a name", "syntax")

t = sub(M, "instruction: Build", "instruction: @Build")
case("syntax-reserved-indicator", t, [E(at(t, "@Build"), "yaml-syntax")],
     "plain scalar starting with the reserved indicator `@`", "syntax")

# ---------------------------------------------------------------- tabs
t = sub(M, "  port: 8080\n", "\tport: 8080\n")
case("tab-indent", t, [E(at(t, "\tport"), "yaml-tab-indent")],
     "a tab as the indentation of a mapping entry", "tab")

t = sub(M, "  - id: orm\n    values:", "  - id: orm\n  \t values:")
case("tab-indent-after-spaces", t, [E(at(t, "\t values"), "yaml-tab-indent")],
     "spaces then a tab before a nested key", "tab")

t = sub(P, "    severity: must\n", "\tseverity: must\n")
case("tab-indent-pack-rule", t, [E(at(t, "\tseverity"), "yaml-tab-indent")],
     "tab indentation inside a rule of a pack", "tab")

# ---------------------------------------------------------------- duplicate keys
t = sub(M, "spec: ", "runtime: node\nspec: ")
case("duplicate-key-top-level", t, [E(at(t, "runtime:", n=2), "yaml-duplicate-key")],
     "`runtime` twice at top level (second occurrence)", "ok")

t = sub(M, "  health: /api/health-check\n", "  health: /api/health-check\n  port: 8000\n")
case("duplicate-key-nested", t, [E(at(t, "port:", n=2), "yaml-duplicate-key")],
     "`port` twice inside `server`", "ok")

t = sub(M, "{id: postgres, label: PostgreSQL}", "{id: postgres, label: PostgreSQL, id: pg}")
case("duplicate-key-flow-mapping", t, [E(at(t, "id: pg"), "yaml-duplicate-key")],
     "`id` twice inside a flow mapping", "ok")

t = sub(P, "    topic: routing\n", "    topic: routing\n    severity: should\n")
case("duplicate-key-pack-rule", t, [E(at(t, "severity:", n=2), "yaml-duplicate-key")],
     "`severity` twice inside one rule", "ok")

# ---------------------------------------------------------------- aliases, anchors, depth
lines = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]']
names = "abcdefghij"
for k in range(1, 10):
    prev, cur = names[k - 1], names[k]
    lines.append(f"{cur}: &{cur} [" + ", ".join([f"*{prev}"] * 9) + "]")
bomb = "\n".join(lines) + "\n"
BOMB_TEXT = bomb
# Expected: the first alias whose expansion takes the running total of alias-expanded nodes
# over the cap.  See bomb_positions() below; the recorded position is for a cap of 100,000 (YAMLLimits.standard).
case("alias-billion-laughs", bomb, None,
     "9 levels of 9 aliases each (~3.5e9 nodes once expanded)", "alias-bomb")

t = sub(M, "framework: django", "framework: *fw")
case("alias-undefined-anchor", t, [E(at(t, "*fw"), "yaml-unknown-anchor")],
     "alias `*fw` names no anchor", "ok")

t = sub(M, "runtime: python\n", "runtime: *rt\nlanguage: &rt python\n")
case("alias-anchor-defined-later", t, [E(at(t, "*rt"), "yaml-unknown-anchor")],
     "alias used before its anchor is defined (anchors only look back)", "ok")

deep = "[" * 10000 + "]" * 10000 + "\n"
case("depth-flow-10000", deep, [E((1, 65), "yaml-depth-limit")],
     "10,000 nested flow sequences; depth 65 opens at the 65th `[`", "ok-nolimit")

chain = "".join("  " * d + f"level-{d + 1}:\n" for d in range(70))
chain = chain.rstrip("\n") + " leaf\n"
case("depth-block-70", chain, [E((65, 129), "yaml-depth-limit")],
     "70 nested block mappings; depth 65 opens at the key on line 65", "ok")

# ---------------------------------------------------------------- encoding
rng = random.Random(1234)
garbage = bytes([0x89]) + b"PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10" + bytes(
    rng.choice([0, 0xFF, 0xFE, 0x80, 0xC3, 0x1B] + list(range(256))) for _ in range(480))
case("binary-garbage", None, [E((1, 1), "yaml-encoding")],
     "binary bytes (PNG-like header, NULs); 0x89 first byte is not UTF-8", "bytes", data=garbage)

lat = sub(M, "description: RealWorld Conduit API in Django", "description: Caf\u00e9 Conduit API")
assert lat.splitlines()[2].startswith("description: Caf")
case("latin1-text", lat, [E(at(lat, "\u00e9"), "yaml-encoding")],
     "Latin-1 text: `é` as the single byte 0xE9 on line 3", "bytes", data=lat.encode("latin-1"))

t = sub(M, "description: RealWorld Conduit API in Django",
        "description: Crème brûlée API for \u20ac")
raw = t.encode("utf-8").replace("\u20ac".encode(), "\u20ac".encode()[:2])
case("utf8-truncated-sequence", t, [E(at(t, "\u20ac"), "yaml-encoding")],
     "a 3-byte UTF-8 sequence cut after 2 bytes, after valid multi-byte characters (column counts characters)",
     "bytes", data=raw)

t = sub(M, "instruction: Build", "instruction: /Build")
raw = t.encode().replace(b"/Build", b"\xc0\xafBuild")
case("utf8-overlong", t, [E(at(t, "/Build"), "yaml-encoding")],
     "overlong encoding 0xC0 0xAF of `/`", "bytes", data=raw)

t = "# cplan manifest \u2014 caf\u00e9\n" + M
raw = t.encode("utf-8").replace("\u00e9".encode(), b"\xe9")
case("latin1-in-comment", t, [E(at(t, "\u00e9"), "yaml-encoding")],
     "a Latin-1 byte inside a comment is still not UTF-8", "bytes", data=raw)

case("utf16le-bom", M, [E((1, 1), "yaml-encoding")],
     "valid manifest saved as UTF-16LE with BOM", "bytes", data=b"\xff\xfe" + M.encode("utf-16-le"))
case("utf16be-bom", M, [E((1, 1), "yaml-encoding")],
     "valid manifest saved as UTF-16BE with BOM", "bytes", data=b"\xfe\xff" + M.encode("utf-16-be"))

case("utf8-bom", M, [E((1, 1), "yaml-bom", "warning")],
     "UTF-8 BOM on an otherwise valid manifest (warning only)", "bom", data=b"\xef\xbb\xbf" + M.encode())

t = sub(M, "cplan: 1", "cplan: 2")
case("utf8-bom-unsupported-version", t,
     [E((1, 1), "yaml-bom", "warning"), E((1, 8), "unsupported-version")],
     "BOM plus `cplan: 2`: the BOM is not a character, so the value is still at column 8", "bom",
     data=b"\xef\xbb\xbf" + t.encode())

# ---------------------------------------------------------------- empty
case("empty-file", "", [E((1, 1), "yaml-empty")], "zero bytes", "empty")
case("only-comments", "# cplan manifest\n# nothing here yet\n\n   # indented comment\n",
     [E((1, 1), "yaml-empty")], "comments and blank lines only", "empty")
case("only-whitespace", "\n   \n\n  \n", [E((1, 1), "yaml-empty")], "blank lines and spaces only", "empty")

# ---------------------------------------------------------------- CRLF, documents, complex keys
t = sub(M, "framework: django\n", "framework: django\nlangauge: Python 3.12\n")
assert t.splitlines()[4].startswith("langauge")
case("crlf-unknown-key", t.replace("\n", "\r\n"), [E((5, 1), "unknown-key")],
     "CRLF line ends; unknown key `langauge` on line 5 (did you mean language)", "crlf")

t = M + "---\n" + M
case("two-documents", t, [E(at(t, "---"), "yaml-multiple-documents")],
     "a second document after the manifest", "ok")

t = "---\n" + M + "---\n" + P
case("two-documents-explicit", t, [E(at(t, "---", n=2), "yaml-multiple-documents")],
     "both documents start with `---`; the second `---` is reported", "ok")

t = M + "? [a, b]\n: pair\n"
case("complex-key-explicit", t, [E(at(t, "[a, b]"), "yaml-complex-key")],
     "explicit `? [a, b]` key: the key node (the `[`) is reported", "ok")

t = sub(M, "  health: /api/health-check\n", "  health: /api/health-check\n  {port: 8080}: main\n")
case("complex-key-flow-mapping", t, [E(at(t, "{port"), "yaml-complex-key")],
     "a flow mapping used as an implicit key inside `server`", "ok")

# ---------------------------------------------------------------- unknown keys
t = sub(M, "dimensions:", "dimensons:")
case("unknown-key-dimensons", t, [E(at(t, "dimensons"), "unknown-key"), E((1, 1), "missing-key")],
     "`dimensons` (did you mean dimensions); so `dimensions` is missing", "ok")

t = sub(M, "instruction:", "instrucion:")
case("unknown-key-instrucion", t, [E(at(t, "instrucion"), "unknown-key"), E((1, 1), "missing-key")],
     "`instrucion` (did you mean instruction); so `instruction` is missing", "ok")

t = sub(M, "  health:", "  helth:")
case("unknown-key-server-helth", t, [E(at(t, "helth"), "unknown-key")],
     "`helth` in `server` (did you mean health)", "ok")

t = M + "requires:\n  - if: {orm: any}\n    then: {database: any}\n    mesage: an ORM needs a database\n"
case("unknown-key-requires-mesage", t, [E(at(t, "mesage"), "unknown-key")],
     "`mesage` in a requires rule (did you mean message)", "ok")

t = sub(P, "    severity: must\n", "    severty: must\n")
case("unknown-key-rule-severty", t, [E(at(t, "severty"), "unknown-key"), E(at(t, "id: django-append"), "missing-key")],
     "`severty` in a rule (did you mean severity); so `severity` is missing", "ok")

t = sub(P, "    statement: Register", "    statment: Register")
case("unknown-key-rule-statment", t, [E(at(t, "statment"), "unknown-key"), E(at(t, "id: django-append"), "missing-key")],
     "`statment` in a rule (did you mean statement); so `statement` is missing", "ok")

t = sub(P, "    when: {framework: django}\n",
        "    when:\n      allof:\n        - {framework: django}\n        - {runtime: python}\n")
case("unknown-key-when-allof", t, [E(at(t, "allof"), "unknown-key")],
     "`allof` combinator in `when` (did you mean all-of)", "ok")

t = sub(P, "title: Django conventions\n", "title: Django conventions\napplies:\n  framwork: [django]\n")
case("unknown-key-pack-applies", t, [E(at(t, "framwork"), "unknown-key")],
     "`framwork` in `applies` (did you mean framework)", "ok")

# ---------------------------------------------------------------- missing keys
t = sub(M, "framework: django\n", "")
case("missing-key-framework", t, [E((1, 1), "missing-key")], "manifest without `framework`", "ok")

t = sub(P, "    statement: Register every route without relying on APPEND_SLASH redirects.\n", "")
case("missing-key-rule-statement", t, [E(at(t, "id: django-append"), "missing-key")],
     "rule without `statement` (reported at the rule mapping)", "ok")

t = sub(M, "cplan: 1\n", "")
case("missing-key-cplan", t, [E((1, 1), "missing-key")], "manifest without `cplan`", "ok")

t = sub(M, "  port: 8080\n", "")
case("missing-key-server-port", t, [E(at(t, "prefix:"), "missing-key")],
     "`server` without `port` (reported at the server mapping)", "ok")

t = sub(M, "dimensions:", "files:\n  - purpose: every pip dependency the server needs\n  - path: run.sh\ndimensions:")
case("missing-key-file-path", t, [E(at(t, "purpose:"), "missing-key")],
     "a `files` entry without `path`", "ok")

# ---------------------------------------------------------------- wrong types
t = sub(M, "port: 8080", 'port: "8080"')
case("wrong-type-port-quoted", t, [E(at(t, '"8080"'), "wrong-type")],
     'port as the quoted string "8080"', "ok")

t = sub(M, """dimensions:
  - id: database
    values:
      - {id: sqlite, label: SQLite}
      - {id: postgres, label: PostgreSQL}
  - id: orm
    values: [sqlalchemy]
""", """dimensions:
  database: [sqlite, postgres]
  orm: [sqlalchemy]
""")
case("wrong-type-dimensions-mapping", t, [E(at(t, "database:"), "wrong-type")],
     "`dimensions` as a mapping instead of a list", "ok")

t = sub(P, P[P.index("rules:"):], "rules: django-append-slash\n")
case("wrong-type-rules-string", t, [E(at(t, "django-append-slash"), "wrong-type")],
     "`rules` as a string", "ok")

t = sub(M, "server:\n  port: 8080\n  prefix: /api\n  health: /api/health-check\n", "server: 8080\n")
case("wrong-type-server-scalar", t, [E(at(t, "8080"), "wrong-type")],
     "`server` as a scalar instead of a mapping", "ok")

t = sub(M, "instruction: Build a complete REST API server that implements the specification.",
        "instruction:\n  - Build a complete REST API server.\n  - Implement the specification.")
case("wrong-type-instruction-list", t, [E(at(t, "- Build"), "wrong-type")],
     "`instruction` as a list", "ok")

t = M + "packs: django\n"
case("wrong-type-packs-string", t, [E(at(t, "packs: django", delta=7), "wrong-type")],
     "`packs` as a string instead of a list", "ok")

# ---------------------------------------------------------------- invalid values
t = sub(M, "runtime: python", "runtime: ruby")
case("invalid-value-runtime", t, [E(at(t, "ruby"), "invalid-value")], "runtime `ruby` (python | node)", "ok")

t = sub(P, "severity: must", "severity: critical")
case("invalid-value-severity", t, [E(at(t, "critical"), "invalid-value")], "severity `critical` (must | should | note)", "ok")

t = sub(P, "topic: routing", "topic: routng")
case("invalid-value-topic", t, [E(at(t, "routng"), "invalid-value")], "topic `routng` (did you mean routing)", "ok")

t = sub(P, "version: 1.0.0", "version: 1.0")
case("invalid-value-pack-version", t, [E(at(t, "1.0\n"), "invalid-value")],
     "pack version `1.0` (plain scalar), not X.Y.Z", "ok")

t = sub(P, "version: 1.0.0", 'version: "1.0"')
case("invalid-value-pack-version-quoted", t, [E(at(t, '"1.0"'), "invalid-value")],
     'pack version `"1.0"` (quoted string), not X.Y.Z', "ok")

t = sub(M, "id: conduit-django", "id: Bad_Id")
case("invalid-value-manifest-id", t, [E(at(t, "Bad_Id"), "invalid-value")], "manifest id `Bad_Id` is not kebab-case", "ok")

t = sub(M, "port: 8080", "port: 70000")
case("invalid-value-port-range", t, [E(at(t, "70000"), "invalid-value")], "port 70000 outside 1–65535", "ok")

t = sub(M, "framework: django", "framework: Django")
case("invalid-value-framework-token", t, [E(at(t, "framework: Django", delta=11), "invalid-value")], "framework `Django` is not a lower-case token", "ok")

t = sub(M, "prefix: /api", "prefix: api")
case("invalid-value-prefix-slash", t, [E(at(t, "api\n"), "invalid-value")], "server prefix not starting with `/`", "ok")

t = sub(P, "    statement: Register every route without relying on APPEND_SLASH redirects.\n",
        "    statement: Register every route without relying on APPEND_SLASH redirects.\n"
        "    check:\n      kind: forbid-regex\n      pattern: APPEND_SLASH\n")
case("invalid-value-check-kind", t, [E(at(t, "forbid-regex"), "invalid-value")],
     "check kind `forbid-regex` (did you mean forbid-pattern)", "ok")

# ---------------------------------------------------------------- version, kind
t = sub(M, "cplan: 1", "cplan: 2")
case("unsupported-version-2", t, [E((1, 8), "unsupported-version")], "`cplan: 2`, newer than this cplan", "ok")

t = sub(P, "cplan: 1", "cplan: 99")
case("unsupported-version-pack-99", t, [E((1, 8), "unsupported-version")], "pack with `cplan: 99`", "ok")

case("unknown-kind-scalar", "just a string, not a manifest\n", [E((1, 1), "unknown-kind")],
     "the document is a scalar", "ok")
case("unknown-kind-list", "- cplan: 1\n- id: conduit-django\n- framework: django\n", [E((1, 1), "unknown-kind")],
     "the document is a list", "ok")
case("unknown-kind-mapping", "cplan: 1\nid: something\ntitle: Neither a manifest nor a pack\n",
     [E((1, 1), "unknown-kind")], "a mapping with neither `rules` nor `framework`/`dimensions`", "ok")

# ---------------------------------------------------------------- duplicate ids
t = sub(P, "- id: django-csrf-api", "- id: django-append-slash")
case("duplicate-id-rule", t, [E(at(t, "django-append-slash", n=2), "duplicate-id")],
     "two rules with the same id in one pack (second id value)", "ok")

t = sub(M, "- id: orm", "- id: database")
case("duplicate-id-dimension", t, [E(at(t, "id: database", n=2, delta=4), "duplicate-id")],
     "two dimensions with id `database` (second id value)", "ok")

t = sub(M, "values: [sqlalchemy]", "values: [sqlalchemy, peewee, sqlalchemy]")
case("duplicate-id-value", t, [E(at(t, "sqlalchemy", n=2), "duplicate-id")],
     "a dimension value listed twice (shorthand form)", "ok")


# ---------------------------------------------------------------- alias bomb position
def bomb_positions(text, caps, count_collections=True):
    """Walk the bomb's events; the running total of nodes added by alias expansion."""
    import yaml
    size = {}            # anchor -> expanded node count
    stack = []           # [count, anchor] for open collections
    total = 0
    hit = {}
    for ev in yaml.parse(text, Loader=yaml.CSafeLoader):
        if isinstance(ev, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            stack.append([1 if count_collections else 0, ev.anchor])
        elif isinstance(ev, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            n, anc = stack.pop()
            if anc:
                size[anc] = n
            if stack:
                stack[-1][0] += n
        elif isinstance(ev, yaml.ScalarEvent):
            if stack:
                stack[-1][0] += 1
            if ev.anchor:
                size[ev.anchor] = 1
        elif isinstance(ev, yaml.AliasEvent):
            n = size[ev.anchor]
            total += n
            if stack:
                stack[-1][0] += n
            for c in caps:
                if c not in hit and total > c:
                    hit[c] = (ev.start_mark.line + 1, ev.start_mark.column + 1)
    return hit


CAPS = [10_000, 100_000, 1_000_000, 10_000_000, 100_000_000]
BOMB_HITS = bomb_positions(BOMB_TEXT, CAPS)
BOMB_HITS_SCALARS = bomb_positions(BOMB_TEXT, CAPS, count_collections=False)
for c in CASES:
    if c["kind"] == "alias-bomb":
        c["exp"] = [E(BOMB_HITS[100_000], "yaml-alias-limit")]



README_HEAD = """\
# Malformed inputs

Each case `NAME` is an input `NAME.yaml` (bytes exactly as intended) and
`NAME.expected`: one line per diagnostic the loader must produce,
`LINE:COLUMN severity code` (1-based line; the column counts characters, not
bytes). More diagnostics may appear; the listed ones must.

Every input is a valid manifest or pack (per `Docs/formats.md`) except for the
one problem it illustrates. Where the problem makes a required key disappear
(a misspelt required key), the `missing-key` that follows is listed too.

Position conventions:

- YAML syntax errors (`yaml-syntax`, `yaml-tab-indent`): libyaml 0.2.5's problem
  mark, checked with the real libyaml through PyYAML's `CSafeLoader`.
- `yaml-duplicate-key`, `unknown-key`, `yaml-complex-key`: the offending key
  (for duplicates, the second occurrence).
- `wrong-type`, `invalid-value`, `duplicate-id`: the start of the value node
  (for `duplicate-id`, the second id's value).
- `missing-key`: the start of the mapping that lacks the key (a block mapping
  starts at its first key).
- `unsupported-version`: the value of `cplan`.
- `yaml-empty`, `yaml-bom`, `unknown-kind`, encoding errors in the first byte: 1:1.
- `yaml-encoding`: the line and column of the first byte that starts an
  ill-formed UTF-8 sequence (characters before it on its line are counted
  as characters).
- `yaml-multiple-documents`: the second document's `---`.
- `yaml-depth-limit`: where the collection at depth 65 opens (the root
  collection is depth 1; the limit is 64).
- `yaml-alias-limit`: the alias whose expansion takes the running count of
  alias-expanded nodes over the cap (see the note below).

`generate.py` writes every file (and this README) byte for byte; `verify.py`
re-checks the positions against libyaml (`python3 verify.py`, needs PyYAML with
libyaml). The 50 MB `yaml-size-limit` input is not stored: the test makes it.

## Cases

| file | illustrates | expected |
|---|---|---|
"""

README_TAIL = """
## Notes on positions

- `alias-billion-laughs`: formats.md does not give the alias cap. With 9
  levels of 9 aliases, every level's expansion is 9x the last, so the alias
  that crosses the cap is always the *first* alias of a line (column 8); the
  line depends on the cap: {bomb}. The `.expected` file assumes a cap of
  100,000 expanded nodes (line 6), the loader's standard limit. Counting only scalars instead of every
  node gives the same lines for these caps up to 10,000,000.
- `syntax-invalid-escape`: libyaml points at the backslash (3:25); PyYAML's
  pure-Python parser points one column later, at the `q`.
- `tab-indent*`: libyaml reports the tab itself ("found character that cannot
  start any token" or "found a tab character that violates indentation");
  only `yaml-tab-indent` is listed, though `yaml-syntax` may accompany it.
- `syntax-unclosed-*-quote`: libyaml reports the end of the stream, the line
  after the last one, column 1.
- `syntax-unclosed-flow-mapping`: the value `PostgreSQL` runs on as a plain
  scalar onto the next line (`PostgreSQL - id`), so libyaml stops at the `:`
  of `- id: orm` (17:7).
- `complex-key-explicit`: the key node of `? [a, b]` starts at the `[`
  (column 3), not at the `?`.
- `utf8-bom-unsupported-version`: the BOM is not counted as a character, so
  `cplan: 2`'s value is still at 1:8 (libyaml does the same).
- `invalid-value-pack-version`: the plain scalar `1.0` is taken as a string
  that is not `X.Y.Z` (formats.md gives strings no float type); the quoted
  case has no such question.
"""


def write():
    os.makedirs(OUT, exist_ok=True)
    for c in CASES:
        with open(os.path.join(OUT, c["name"] + ".yaml"), "wb") as f:
            f.write(c["data"])
        with open(os.path.join(OUT, c["name"] + ".expected"), "w") as f:
            for (l, col, sev, code) in c["exp"]:
                f.write(f"{l}:{col} {sev} {code}\n")
    bomb = ", ".join(f"{c:,} -> line {BOMB_HITS[c][0]}" for c in CAPS)
    with open(os.path.join(OUT, "README.md"), "w") as f:
        f.write(README_HEAD)
        for c in CASES:
            exp = "<br>".join(f"`{l}:{col} {sev} {code}`" for (l, col, sev, code) in c["exp"])
            what = c["what"].replace("|", "\\|")
            f.write(f"| `{c['name']}.yaml` | {what} | {exp} |\n")
        f.write(README_TAIL.format(bomb=bomb))


if __name__ == "__main__":
    write()
    print(len(CASES), "cases;", "bomb hits:", BOMB_HITS, "scalars-only:", BOMB_HITS_SCALARS)
