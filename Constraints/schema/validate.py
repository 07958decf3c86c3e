#!/usr/bin/env python3
"""Validate JSON renderings of cplan YAML documents against a JSON Schema.

Usage: python3 validate.py SCHEMA.json FILE.json...

Prints one JSON object per FILE on its own line:
    {"file": "...", "valid": true|false, "errors": ["<json pointer>: <message>", ...]}

Errors are sorted by location. Exit status: 0 after checking every file (valid or
not), 2 on wrong usage or an unusable schema, 3 if the jsonschema package is
missing. Formats ("uri", "regex") are annotations only and are not asserted.
"""

import json
import sys

USAGE = "usage: python3 validate.py SCHEMA.json FILE.json..."


def pointer(path):
    """RFC 6901 JSON pointer for a jsonschema error path ('' is the document root)."""
    return "".join(
        "/" + str(part).replace("~", "~0").replace("/", "~1") for part in path
    )


def leaves(error):
    """The errors worth showing for one validation error.

    A failed oneOf/anyOf only says "not valid under any of the given schemas";
    report instead the errors of the closest alternative: one whose type fits
    the value (e.g. the object form of a dimension value, the list form of a
    runtime list), and among those the one with the fewest errors.
    """
    if error.validator not in ("oneOf", "anyOf") or not error.context:
        return [error]
    branches = {}
    for sub in error.context:
        branches.setdefault(sub.relative_schema_path[0], []).append(sub)
    here = list(error.absolute_path)

    def type_mismatch(errors):
        return any(
            e.validator == "type" and list(e.absolute_path) == here for e in errors
        )

    ordered = [branches[key] for key in sorted(branches)]
    candidates = [b for b in ordered if not type_mismatch(b)] or ordered
    best = min(candidates, key=len)
    return [leaf for sub in best for leaf in leaves(sub)]


def describe(error):
    return "%s: %s" % (pointer(error.absolute_path), error.message)


def main(argv):
    if len(argv) < 3 or argv[1] in ("-h", "--help"):
        print(USAGE, file=sys.stderr)
        return 2

    try:
        from jsonschema import Draft202012Validator
        from jsonschema.exceptions import SchemaError
    except ImportError:
        print(
            "validate.py: the Python package 'jsonschema' is not installed "
            "(install it with: python3 -m pip install jsonschema)",
            file=sys.stderr,
        )
        return 3

    schema_path = argv[1]
    try:
        with open(schema_path, encoding="utf-8") as handle:
            schema = json.load(handle)
        Draft202012Validator.check_schema(schema)
    except (OSError, ValueError) as exc:
        print("validate.py: cannot load schema %s: %s" % (schema_path, exc), file=sys.stderr)
        return 2
    except SchemaError as exc:
        print("validate.py: invalid schema %s: %s" % (schema_path, exc.message), file=sys.stderr)
        return 2

    validator = Draft202012Validator(schema)
    for file_path in argv[2:]:
        try:
            with open(file_path, encoding="utf-8") as handle:
                document = json.load(handle)
        except (OSError, ValueError) as exc:
            errors = [": cannot read JSON: %s" % exc]
        else:
            found = [
                leaf for error in validator.iter_errors(document) for leaf in leaves(error)
            ]
            found.sort(key=lambda e: ([str(p) for p in e.absolute_path], e.message))
            errors = []
            for error in found:
                text = describe(error)
                if text not in errors:
                    errors.append(text)
        print(json.dumps({"file": file_path, "valid": not errors, "errors": errors}))
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
