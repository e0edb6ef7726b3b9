#!/usr/bin/env python3
"""Writes a course archive (the format of GET /api/content/v1/courses/{key}/archive) with about N blocks:
chapters > sequentials (every other one graded) > verticals > leaves (3 problems of each kind in turn, 1 html).
Usage: make_course.py BLOCKS COURSE_KEY OUT.zip"""
import json
import sys
import zipfile

blocks_wanted, course, out = int(sys.argv[1]), sys.argv[2], sys.argv[3]
org, num, run = course[len("course-v1:"):].split("+")
LEAVES, VERTICALS, SEQUENTIALS = 4, 10, 10
per_chapter = 1 + SEQUENTIALS * (1 + VERTICALS * (1 + LEAVES))
chapters = max(1, round((blocks_wanted - 1) / per_chapter))


def key(kind, ident):
    return f"block-v1:{org}+{num}+{run}+type@{kind}+block@{ident}"


def sort_key(i):
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
    return digits[1 + i // 61] + digits[1 + i % 61]


def problem(i):
    kinds = [
        {"kind": "choice", "prompt": f"Question {i}", "choices": [{"id": "a", "text": "A"}, {"id": "b", "text": "B"}],
         "correctChoices": ["b"], "maxScore": 1, "weight": 1, "maxAttempts": 3},
        {"kind": "numerical", "prompt": f"Compute {i}", "answer": float(i), "tolerance": {"mode": "relative", "value": 0.01},
         "maxScore": 2},
        {"kind": "text", "prompt": f"Name {i}", "acceptedAnswers": ["ada"], "caseSensitive": False, "maxScore": 1},
    ]
    return kinds[i % 3]


def lines():
    root = key("course", "course")
    yield {"key": root, "type": "course", "parent": None, "sortKey": "", "content": {"displayName": course}}
    n = 0
    for c in range(chapters):
        ch = key("chapter", f"c{c}")
        yield {"key": ch, "type": "chapter", "parent": root, "sortKey": sort_key(c), "content": {"displayName": f"Week {c}"}}
        for s in range(SEQUENTIALS):
            seq = key("sequential", f"c{c}s{s}")
            content = {"displayName": f"Subsection {c}.{s}"}
            if s % 2 == 0:
                content.update({"graded": True, "format": "Homework" if s % 4 == 0 else "Lab",
                                "due": "2027-01-01T00:00:00Z", "showCorrectness": "always"})
            yield {"key": seq, "type": "sequential", "parent": ch, "sortKey": sort_key(s), "content": content}
            for v in range(VERTICALS):
                vert = key("vertical", f"c{c}s{s}v{v}")
                yield {"key": vert, "type": "vertical", "parent": seq, "sortKey": sort_key(v), "content": {"displayName": f"Unit {v}"}}
                for leaf in range(LEAVES):
                    n += 1
                    if leaf == LEAVES - 1:
                        yield {"key": key("html", f"h{n}"), "type": "html", "parent": vert, "sortKey": sort_key(leaf),
                               "content": {"displayName": "Reading", "html": f"<p>Reading {n}</p>"}}
                    else:
                        yield {"key": key("problem", f"p{n}"), "type": "problem", "parent": vert, "sortKey": sort_key(leaf),
                               "content": {"displayName": f"Problem {n}", "problem": problem(n)}}


with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
    archive.writestr("course.json", json.dumps({"format": "openlearn-course/1", "courseKey": course, "assets": []}))
    count = 0
    with archive.open("blocks.jsonl", "w") as target:
        for line in lines():
            target.write((json.dumps(line) + "\n").encode())
            count += 1
print(count)
