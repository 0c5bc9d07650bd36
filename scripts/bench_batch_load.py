#!/usr/bin/env python3
"""Loads a `kczy match generate` pool (needs.jsonl + experts.jsonl) into PostgreSQL for the batch benchmark.

    scripts/bench_batch_load.py --needs POOL/needs.jsonl --experts POOL/experts.jsonl [--keep-audit]

The database is chosen by the usual PG* environment variables and must be migrated (`kczy migrate`) and empty.
Needs only the Python standard library and `psql`: every table is written as COPY text-format files and loaded in
one transaction with `\\copy`.

What becomes what (the database keeps less than the JSONL format, see the report at the end):
  * one enterprise organization per distinct need `enterprise_id` (approved, a valid GB 32100 USCC made from the
    enterprise's region and a serial, region = the region of its first need that has one, in province 22, else
    220100); a need without `enterprise_id` gets an enterprise of its own; enterprises that only appear in experts'
    conflict/cooperation lists are created too (region 220100);
  * one unit organization per distinct expert `unit_id` (approved, identifier_kind 'other', region = the most common
    region of its experts mapped onto the `region` table: a 6-digit code not in it becomes its 2-digit province);
    experts without `unit_id` share one unit per region;
  * experts with the JSONL `status` when it is a valid one, else 'available'; needs 'open';
  * track labels (codes, Chinese or English names, from `industry_track`) map to codes; Chinese degree/title names map
    to codes; values the CHECK constraints would refuse are dropped (NULL/default) and counted;
  * conflicts: `equity_enterprise_ids` (equity), `conflict_enterprise_ids` (other), `unit_equity_enterprise_ids`
    (unit, equity); cooperation: `cooperated_enterprise_ids`, `unit_cooperated_enterprise_ids`.
The audit triggers of the loaded tables are disabled during the load (a fixture, not business writes) unless
--keep-audit is given.
"""

import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile
import time

USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2]

EXPERT_STATUSES = {"registered", "approved", "pending_reapproval", "screened", "available", "dispatched", "suspended"}
DEGREES = {"phd": "phd", "博士": "phd", "master": "master", "硕士": "master", "bachelor": "bachelor",
           "学士": "bachelor", "本科": "bachelor", "other": "other"}
TITLES = {"senior": "senior", "正高": "senior", "正高级": "senior", "associate_senior": "associate_senior",
          "副高": "associate_senior", "副高级": "associate_senior", "intermediate": "intermediate", "中级": "intermediate",
          "junior": "junior", "初级": "junior", "none": "none", "无": "none"}


def org_check_digit(body):
    total = 0
    for ch, w in zip(body, ORG_WEIGHTS):
        v = ord(ch) - 48 if ch.isdigit() else ord(ch) - 55
        total += v * w
    d = 11 - total % 11
    return "X" if d == 10 else "0" if d == 11 else str(d)


def make_uscc(division, serial):
    """A valid company code 91<division><8-digit serial><org check><check character> (GB 32100 / GB 11714)."""
    body = f"{serial:08d}"
    first17 = f"91{division}{body}{org_check_digit(body)}"
    total = sum(USCC_ALPHABET.index(c) * w for c, w in zip(first17, USCC_WEIGHTS))
    return first17 + USCC_ALPHABET[(31 - total % 31) % 31]


def esc(v):
    """One COPY text-format field."""
    if v is None:
        return r"\N"
    if isinstance(v, bool):
        return "t" if v else "f"
    if isinstance(v, (list, tuple)):
        v = pg_array(v)
    s = str(v)
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def pg_array(items):
    out = []
    for x in items:
        s = str(x).replace("\\", "\\\\").replace('"', '\\"')
        out.append(f'"{s}"')
    return "{" + ",".join(out) + "}"


def psql(*args, stdin=None):
    r = subprocess.run(["psql", "-X", "-v", "ON_ERROR_STOP=1", *args], input=stdin, capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"psql failed: {r.stderr.strip()}")
    return r.stdout


def str_list(v):
    if isinstance(v, list):
        return [str(x) for x in v if x is not None and str(x).strip() != ""]
    if isinstance(v, str) and v.strip():
        return [v]
    return []


def as_int(v):
    try:
        return int(v) if v is not None and not isinstance(v, bool) else None
    except (TypeError, ValueError):
        return None


def as_bool(v):
    return v if isinstance(v, bool) else None


def as_date(v):
    if isinstance(v, str) and len(v) == 10 and v[4] == "-" and v[7] == "-":
        return v
    return None


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                continue
            try:
                d = json.loads(line)
            except json.JSONDecodeError as e:
                sys.exit(f"{path}:{n}: {e}")
            if isinstance(d, dict):
                yield d


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--needs", required=True)
    ap.add_argument("--experts", required=True)
    ap.add_argument("--keep-audit", action="store_true", help="leave the audit triggers on during the load")
    ap.add_argument("--workdir", help="where to write the COPY files (default: a temporary directory)")
    args = ap.parse_args()
    t0 = time.monotonic()
    notes = collections.Counter()

    # Reference data from the migrated database, so the mapping follows the schema's taxonomies.
    regions = set(psql("-tAc", "SELECT code FROM region").split())
    if not regions:
        sys.exit("no regions: is the database migrated?")
    if psql("-tAc", "SELECT count(*) FROM organization").strip() != "0":
        sys.exit("the database already holds organizations; recreate it first")
    track_of = {}
    for line in psql("-tAF", "\t", "-c", "SELECT code, name_zh, name_en FROM industry_track").splitlines():
        code, zh, en = line.split("\t")
        for k in (code, zh, en, en.lower()):
            track_of[k] = code

    def map_track(t):
        c = track_of.get(t) or track_of.get(str(t).strip().lower())
        if c is None:
            notes["unknown track label dropped"] += 1
        return c

    def map_region(r):
        """A region code present in the `region` table, or None."""
        if not isinstance(r, str) or not r:
            return None
        r = r.strip()
        if r in regions:
            return r
        if len(r) >= 2 and r[:2] in regions:
            return r[:2]
        return None

    experts = list(read_jsonl(args.experts))
    needs = list(read_jsonl(args.needs))

    # --- enterprises -------------------------------------------------------------------------------------------
    ent_region = {}
    ent_order = []
    for n in needs:
        key = n.get("enterprise_id") or f"~need:{n.get('id')}"
        r = map_region(n.get("region"))
        if r is not None and (len(r) != 6 or not r.startswith("22")):
            r = None  # enterprises must be registered in a city of province 22
        if key not in ent_region:
            ent_order.append(key)
            ent_region[key] = r
        elif ent_region[key] is None:
            ent_region[key] = r
        elif r is not None and r != ent_region[key]:
            notes["needs whose region differs from their enterprise's (the need takes the enterprise's)"] += 1
    for e in experts:
        for f in ("equity_enterprise_ids", "unit_equity_enterprise_ids", "conflict_enterprise_ids",
                  "cooperated_enterprise_ids", "unit_cooperated_enterprise_ids"):
            for x in str_list(e.get(f)):
                if x not in ent_region:
                    ent_order.append(x)
                    ent_region[x] = None
                    notes["enterprises only named in expert conflict/cooperation lists"] += 1
    org_id = {}
    orgs = []  # id, kind, name, identifier_kind, identifier, region_code, status
    for i, key in enumerate(ent_order, 1):
        region = ent_region[key] or "220100"
        org_id[("E", key)] = i
        label = key[len("~need:"):] + "企业" if key.startswith("~need:") else key
        orgs.append((i, "enterprise", f"企业{label}", "uscc", make_uscc(region, i), region, "approved"))
    n_enterprises = len(orgs)

    # --- units ---------------------------------------------------------------------------------------------------
    unit_regions = collections.defaultdict(collections.Counter)
    expert_region = []
    for e in experts:
        r = map_region(e.get("region"))
        if e.get("region") and r is None:
            notes["expert region not in the region table (unit default used)"] += 1
        expert_region.append(r)
        if e.get("unit_id"):
            c = unit_regions[str(e["unit_id"])]
            if r is not None:
                c[r] += 1
    unit_region = {}
    for u, c in unit_regions.items():
        # The most common region of the unit's experts (ties: the smallest code).
        unit_region[u] = min(c.items(), key=lambda kv: (-kv[1], kv[0]))[0] if c else "220100"
    expert_unit_key = []
    for e, r in zip(experts, expert_region):
        if e.get("unit_id"):
            u = str(e["unit_id"])
            if r is not None and r != unit_region[u]:
                notes["experts whose region differs from their unit's (the DB keeps the unit's)"] += 1
        else:
            u = f"~none:{r or '220100'}"
            unit_region[u] = r or "220100"
            notes["experts without unit_id (one shared unit per region)"] += 1
        expert_unit_key.append(u)
    next_id = len(orgs) + 1
    for u in sorted(unit_region):
        org_id[("U", u)] = next_id
        name = f"无单位专家({u[len('~none:'):]})" if u.startswith("~none:") else f"单位{u}"
        kind = ("university", "institute", "rnd_institution")[next_id % 3]
        orgs.append((next_id, kind, name, "other", f"unit:{u}", unit_region[u], "approved"))
        next_id += 1
    n_units = len(orgs) - n_enterprises

    # --- experts ---------------------------------------------------------------------------------------------------
    expert_id = {}
    expert_rows = []
    conflicts = set()
    cooperations = set()
    for i, (e, ukey) in enumerate(zip(experts, expert_unit_key), 1):
        xid = str(e.get("id", f"#{i}"))
        if xid in expert_id:
            notes["duplicate expert ids skipped"] += 1
            continue
        expert_id[xid] = i
        unit = org_id[("U", ukey)]
        name = str(e.get("name") or "").strip()
        if not 2 <= len(name) <= 50:
            name = f"专家{xid}"[:50]
            notes["expert name missing or out of 2..50 (generated)"] += 1
        status = e.get("status")
        if status not in EXPERT_STATUSES:
            if status is not None:
                notes["invalid expert status (available used)"] += 1
            status = "available"
        birth = as_int(e.get("birth_year"))
        if birth is not None and not 1930 <= birth <= 2010:
            birth, notes["birth_year out of range dropped"] = None, notes["birth_year out of range dropped"] + 1
        integrity = as_int(e.get("integrity_record_year"))
        if integrity is not None and not 1990 <= integrity <= 2100:
            integrity = None
            notes["integrity_record_year out of range dropped"] += 1
        cap = as_int(e.get("capacity"))
        if cap is not None and not 1 <= cap <= 10:
            cap = max(1, min(10, cap))
            notes["capacity clamped to 1..10"] += 1
        a_from, a_to = as_date(e.get("available_from")), as_date(e.get("available_to"))
        if a_from and a_to and a_to < a_from:
            a_from = None
            notes["available_to < available_from (available_from dropped)"] += 1
        tracks = [c for c in (map_track(t) for t in str_list(e.get("tracks"))) if c]
        degree = DEGREES.get(str(e.get("degree")).strip().lower()) if e.get("degree") is not None else None
        title = TITLES.get(str(e.get("title_level")).strip().lower()) if e.get("title_level") is not None else None
        expert_rows.append((
            i, unit, name, degree, title, birth, str_list(e.get("disciplines")), list(dict.fromkeys(tracks)),
            str_list(e.get("keywords")), str(e.get("summary") or ""), str_list(e.get("achievements")),
            bool(as_bool(e.get("management_post"))), integrity, cap if cap is not None else 1, a_from, a_to, status))
        for x in str_list(e.get("equity_enterprise_ids")):
            conflicts.add((i, None, org_id[("E", x)], "equity"))
        for x in str_list(e.get("conflict_enterprise_ids")):
            conflicts.add((i, None, org_id[("E", x)], "other"))
        for x in str_list(e.get("unit_equity_enterprise_ids")):
            conflicts.add((None, unit, org_id[("E", x)], "equity"))
        for x in str_list(e.get("cooperated_enterprise_ids")):
            cooperations.add((i, None, org_id[("E", x)]))
        for x in str_list(e.get("unit_cooperated_enterprise_ids")):
            cooperations.add((None, unit, org_id[("E", x)]))
        if e.get("publications"):
            notes["experts with publications (no DB column: not loaded)"] += 1
        if e.get("chosen_need_ids"):
            notes["experts with chosen_need_ids (no DB table: not loaded)"] += 1
        if e.get("unit_approved") is False:
            notes["experts with unit_approved=false (their unit is approved in the DB)"] += 1
        if e.get("out_of_province") is False:
            notes["experts with out_of_province=false (no DB column: not loaded)"] += 1

    # --- needs ---------------------------------------------------------------------------------------------------
    need_rows = []
    seen = set()
    for i, n in enumerate(needs, 1):
        nid = str(n.get("id", f"#{i}"))
        if nid in seen:
            notes["duplicate need ids skipped"] += 1
            continue
        seen.add(nid)
        key = n.get("enterprise_id") or f"~need:{n.get('id')}"
        title = str(n.get("title") or "").strip()
        if len(title) < 4:
            title = (title + f"（需求{nid}）")
            notes["need title shorter than 4 (padded)"] += 1
        title = title[:200]
        track = map_track(n["track"]) if n.get("track") else None
        pref = None
        for p in str_list(n.get("preferred_expert_ids")):
            if p in expert_id:
                pref = expert_id[p]
                break
        if len(str_list(n.get("preferred_expert_ids"))) > 1:
            notes["needs with >1 preferred expert (the DB keeps the first)"] += 1
        needed = as_int(n.get("experts_needed"))
        needed = max(1, min(5, needed)) if needed is not None else 1
        aoop = as_bool(n.get("accepts_out_of_province"))
        need_rows.append((
            i, org_id[("E", key)], title, str(n.get("description") or ""), [track] if track else [],
            str_list(n.get("disciplines")), str_list(n.get("keywords")), True if aoop is None else aoop, pref,
            needed, "open"))

    # --- write and COPY ------------------------------------------------------------------------------------------
    work = args.workdir or tempfile.mkdtemp(prefix="kczy-bench-load.")
    os.makedirs(work, exist_ok=True)

    def write(name, rows):
        path = os.path.join(work, name + ".tsv")
        with open(path, "w", encoding="utf-8") as f:
            for r in rows:
                f.write("\t".join(esc(v) for v in r))
                f.write("\n")
        return path

    files = {
        "organization": (write("organization", orgs),
                         "organization (id, kind, name, identifier_kind, identifier, region_code, status)"),
        "expert": (write("expert", expert_rows),
                   "expert (id, unit_id, name, degree, title_level, birth_year, disciplines, tracks, keywords, summary,"
                   " achievements, management_post, integrity_record_year, capacity, available_from, available_to,"
                   " status)"),
        "need": (write("need", need_rows),
                 "need (id, enterprise_id, title, description, tracks, disciplines, keywords, accepts_out_of_province,"
                 " preferred_expert_id, experts_needed, status)"),
        "conflict": (write("conflict", ((a, b, c, k, "import") for a, b, c, k in sorted(conflicts, key=str))),
                     "conflict (expert_id, unit_id, enterprise_id, kind, source)"),
        "cooperation": (write("cooperation", sorted(cooperations, key=str)),
                        "cooperation (expert_id, unit_id, enterprise_id)"),
    }
    prepared = time.monotonic()
    tables = ["organization", "expert", "need", "conflict", "cooperation"]
    script = ["\\set ON_ERROR_STOP 1", "BEGIN;"]
    if not args.keep_audit:
        script += [f"ALTER TABLE {t} DISABLE TRIGGER audit;" for t in tables]
    for t in tables:
        path, target = files[t]
        script.append(f"\\copy {target} FROM '{path}'")
    script += [
        "SELECT setval(pg_get_serial_sequence('organization', 'id'), (SELECT max(id) FROM organization));",
        "SELECT setval(pg_get_serial_sequence('expert', 'id'), (SELECT max(id) FROM expert));",
        "SELECT setval(pg_get_serial_sequence('need', 'id'), (SELECT max(id) FROM need));",
    ]
    if not args.keep_audit:
        script += [f"ALTER TABLE {t} ENABLE TRIGGER audit;" for t in tables]
    script.append("COMMIT;")
    psql("-q", "-f", "-", stdin="\n".join(script) + "\n")
    done = time.monotonic()
    if not args.workdir:
        for path, _ in files.values():
            os.remove(path)
        os.rmdir(work)

    print(f"loaded organizations={len(orgs)} (enterprises={n_enterprises} units={n_units}) experts={len(expert_rows)}"
          f" needs={len(need_rows)} conflicts={len(conflicts)} cooperation={len(cooperations)}")
    print(f"load_seconds prepare={prepared - t0:.2f} copy={done - prepared:.2f} total={done - t0:.2f}")
    for k, v in sorted(notes.items()):
        print(f"  note: {k}: {v}")


if __name__ == "__main__":
    main()
