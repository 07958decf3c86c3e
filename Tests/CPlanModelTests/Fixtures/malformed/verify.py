#!/usr/bin/env python3
"""Cross-check every fixture's expected positions against libyaml 0.2.5 (via PyYAML's CParser)."""
import sys, yaml
sys.dont_write_bytecode = True
sys.path.insert(0, __import__("os").path.dirname(__import__("os").path.abspath(__file__)))
import generate as gen

bad = 0


def libyaml_error(data):
    try:
        evs = list(yaml.parse(data, Loader=yaml.CSafeLoader))
        return None, evs
    except yaml.MarkedYAMLError as e:
        return e, None


def pure_error(data):
    try:
        list(yaml.parse(data, Loader=yaml.SafeLoader))
        return None
    except yaml.MarkedYAMLError as e:
        return e


def starts(evs):
    s = set()
    for ev in evs:
        if isinstance(ev, (yaml.StreamStartEvent, yaml.StreamEndEvent, yaml.SequenceEndEvent,
                           yaml.MappingEndEvent, yaml.DocumentEndEvent)):
            continue
        if isinstance(ev, yaml.DocumentStartEvent) and not ev.explicit:
            continue
        s.add((ev.start_mark.line + 1, ev.start_mark.column + 1))
    return s


for c in gen.CASES:
    name, data, exp, kind = c["name"], c["data"], c["exp"], c["kind"]
    msgs = []
    if kind in ("syntax", "tab"):
        e, _ = libyaml_error(data)
        if e is None:
            msgs.append("libyaml accepted it!")
        else:
            pm = (e.problem_mark.line + 1, e.problem_mark.column + 1)
            pe = pure_error(data)
            pp = pe and (pe.problem_mark.line + 1, pe.problem_mark.column + 1)
            info = f"libyaml {pm} '{e.problem}' ctx '{e.context}'; pure {pp}"
            if pm != exp[0][:2]:
                msgs.append("MISMATCH " + info)
            else:
                print(f"  ok   {name}: {info}")
            if kind == "tab":
                line = c["text"].split("\n")[exp[0][0] - 1]
                if line[exp[0][1] - 1] != "\t":
                    msgs.append("expected position is not a tab")
    elif kind == "bytes":
        try:
            data.decode("utf-8")
            msgs.append("decodes as UTF-8!")
        except UnicodeDecodeError as u:
            pre = data[:u.start].decode("utf-8")
            line = pre.count("\n") + 1
            col = len(pre) - (pre.rfind("\n") + 1) + 1
            if (line, col) != exp[0][:2]:
                msgs.append(f"MISMATCH first bad byte at {(line, col)} offset {u.start}")
            else:
                print(f"  ok   {name}: first bad byte 0x{data[u.start]:02X} at {(line, col)}")
    elif kind == "empty":
        e, evs = libyaml_error(data)
        docs = [ev for ev in evs if isinstance(ev, yaml.DocumentStartEvent)]
        if docs:
            msgs.append("has a document")
        else:
            print(f"  ok   {name}: no document")
    elif kind in ("bom", "crlf", "ok", "ok-nolimit", "alias-bomb"):
        if kind == "ok-nolimit":
            print(f"  skip {name} (10k deep: checked by construction)")
            assert data.startswith(b"[" * 65)
            continue
        e, evs = libyaml_error(data)
        if e is not None:
            msgs.append(f"libyaml error {e.problem} at {(e.problem_mark.line + 1, e.problem_mark.column + 1)}")
        else:
            st = starts(evs)
            for (l, col, sev, code) in exp:
                if (l, col) == (1, 1) and code in ("yaml-bom", "yaml-empty", "missing-key", "unknown-kind"):
                    if (1, 1) not in st:
                        msgs.append(f"no node at 1:1 for {code}")
                    continue
                if (l, col) not in st:
                    msgs.append(f"no event starts at {l}:{col} for {code}")
            if not msgs:
                print(f"  ok   {name}: {[(l, col, code) for (l, col, s, code) in exp]}")
            # PyYAML's own composer for undefined aliases / complex keys as an extra hint
            if code == "yaml-unknown-anchor":
                try:
                    yaml.load(data, Loader=yaml.CSafeLoader)
                except yaml.MarkedYAMLError as ce:
                    print(f"       composer: {ce.problem} at {(ce.problem_mark.line + 1, ce.problem_mark.column + 1)}")
    else:
        msgs.append("unknown kind " + kind)
    if msgs:
        bad += 1
        print(f"  FAIL {name}: " + "; ".join(msgs))

print(len(gen.CASES), "cases,", bad, "problems")
print("bomb:", gen.BOMB_HITS, gen.BOMB_HITS_SCALARS)
