#!/usr/bin/env python3
"""Keeps IncidentPlatform.Ci.slnf = every project of IncidentPlatform.sln (the AppHost included: CI builds and runs it).

  python3 eng/ci-slnf.py          rewrite the filter
  python3 eng/ci-slnf.py --check  fail if the filter is stale (test.sh runs this)
"""
import json
import os
import re
import sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sln = open(os.path.join(root, "IncidentPlatform.sln"), encoding="utf-8-sig").read()
projects = sorted(re.findall(r'^Project\("\{[^}]+\}"\) = "[^"]+", "([^"]+\.csproj)"', sln, re.M))
wanted = {"solution": {"path": "IncidentPlatform.sln", "projects": projects}}
target = os.path.join(root, "IncidentPlatform.Ci.slnf")
current = json.load(open(target)) if os.path.exists(target) else None

if "--check" in sys.argv:
    if current != wanted:
        sys.exit("IncidentPlatform.Ci.slnf is stale: run python3 eng/ci-slnf.py")
else:
    with open(target, "w") as f:
        json.dump(wanted, f, indent=2)
        f.write("\n")
