#!/usr/bin/env python3
"""Regenerates the harness-task fixtures with Python's json.dumps, as the harness writes them.

Run from this folder: python3 make_fixtures.py
The replaced/ files are what json.dumps writes once the prompt is TRICKY (keep it equal to
`Fixture.tricky` in the tests).
"""
import json
import os

TRICKY = 'tricky "quote" \\ back/slash\n\r\t\b\f\x00\x1f\x7f \u00e9 \u20ac \U0001F600 \u2028 end'

REPO = {
    "repoUrl": None, "repoCommit": None,
    "setupCmds": ["uv pip install --system -r requirements.txt", "chmod +x run.sh"],
    "runCmds": ["./run.sh"], "port": 8080, "baseUrl": "/api",
    "healthcheckEndpoint": "/api/health-check",
}


def generation(name, folder, prompt):
    return {
        "name": name,
        "description": f"{folder} generation. Constraints: {name.split('-', 2)[2]}.",
        "prompt": prompt, "dockerFolder": folder, "patch": None, "repoMetadata": REPO,
        "taskMetadata": None, "postmanCollection": "Conduit.postman_collection.json",
    }


FIXTURES = {
    # Pure ASCII: quotes, backslashes, \u escapes (BMP and a surrogate pair), tabs, controls.
    "generation-escapes.json": (generation(
        "flask-openapi-sqlite", "uv",
        'Say "hello" to C:\\path and caf\u00e9 \U0001F600\ttab \x01 a/b\n\n'
        "## Requirements\n\n- You MUST use **flask**.\n\n\n"
        "## Mandatory Files\n\n1. `run.sh`\n\n"), True),
    # Raw UTF-8, as json.dumps(ensure_ascii=False) writes it.
    "generation-non-ascii.json": (generation(
        "koa-openapi-clean_architecture-postgres-sequelize", "node",
        "Caf\u00e9 \u2014 \u65e5\u672c\u8a9e \U0001F600 \u2028 \"q\"\n\n"
        "## Requirements\n\n- Use **koa**.\n\n\n## Mandatory Files\n\n1. `package.json`\n\n"),
        False),
    # "prompt" inside another string, in nested objects and arrays, before the real one.
    "feature-nested-prompt.json": ({
        "name": "hard-focused-task-007",
        "description": 'Has "prompt": "fake" inside, and \\"prompt\\"',
        "taskMetadata": {"prompt": "nested prompt", "list": [{"prompt": "deep"}, "prompt"]},
        "patch": "honojs-hard-focused-task-007.patch",
        "prompt": "Complete the repository by adding the missing \"prompt\" feature",
        "dockerFolder": "honojs",
        "repoMetadata": "{'prompt': 'in a python repr'}",
    }, True),
    # A generation prompt without the default anchor.
    "missing-anchor.json": (generation(
        "django-openapi-postgres", "uv",
        "Build it.\n\n## Requirements\n\n- Use django.\n\n\n### Details\n\nx\n\n\n"
        "## Server Configuration\n\n- Port 8080.\n\n"), True),
}

os.makedirs("replaced", exist_ok=True)
for name, (task, ascii_only) in FIXTURES.items():
    with open(name, "w", encoding="utf-8") as f:
        f.write(json.dumps(task, indent=4, ensure_ascii=ascii_only))
    task = dict(task, prompt=TRICKY)
    with open(os.path.join("replaced", name), "w", encoding="utf-8") as f:
        f.write(json.dumps(task, indent=4, ensure_ascii=ascii_only))
