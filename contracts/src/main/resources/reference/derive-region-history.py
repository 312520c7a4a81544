#!/usr/bin/env python3
"""Derives region-history.csv and the validFrom column of regions.csv from yescallop/areacodes.

    python3 derive-region-history.py <areacodes git directory or clone> <commit>

reads result.csv of that commit (the 民政部 county-level code lists of every year since 1981, collected by
https://github.com/yescallop/areacodes, CC0 1.0) and, beside this script,
  - rewrites regions.csv with its rows and columns unchanged but for validFrom (the first year a current code was in
    use, when after the first list of 1981);
  - writes region-history.csv: every record of a code that is no longer in use as it was (a retired code, or a code's
    former name), with the city it belonged to then, its years and what took it over.
Running it again on the same commit gives the same files. See README.md for the meaning of each column.
"""

import csv
import io
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIRST_LIST = 1981
# the endings that name a county-level unit's kind, longest first; anything else is a district (区, 矿区, 林区, 特区…)
KIND_BY_ENDING = [("自治县", "COUNTY"), ("自治旗", "COUNTY"), ("街道", "TOWNSHIP"), ("县", "COUNTY"), ("旗", "COUNTY"),
                  ("市", "COUNTY_CITY"), ("镇", "TOWNSHIP"), ("乡", "TOWNSHIP")]
NAME_ENDING = re.compile(r"(自治县|自治旗|自治州|特区|林区|矿区|地区|盟|县|旗|市|区)$")


def read_source(repository, commit):
    text = subprocess.run(["git", "-C", repository, "show", f"{commit}:result.csv"], check=True,
                          capture_output=True).stdout.decode("utf-8-sig")
    records = []
    for row in csv.DictReader(io.StringIO(text)):
        ended = row["变更/弃用时间"]
        records.append({
            "code": row["代码"], "name": row["名称"], "sourceLevel": row["级别"], "status": row["状态"],
            "from": int(row["启用时间"]),
            # the lists are the state on 31 December: a record ended in year E was last listed in E - 1
            "to": int(ended) - 1 if ended else None,
            # codes followed by [year] are parts of the area that went elsewhere earlier, not what took it over
            "successors": [c for c in row["新代码"].split(";") if c and "[" not in c] if row["状态"] != "在用" else [],
        })
    return records


def valid_in(record, year):
    return record["from"] <= year and (record["to"] is None or year <= record["to"])


def overlaps(a_from, a_to, record):
    return (record["to"] is None or a_from <= record["to"]) and (a_to is None or record["from"] <= a_to)


def stem(name):
    return NAME_ENDING.sub("", name)


def same_stem(one, other):
    """南康市 and 南康区, 宽城县 and 宽城满族自治县: one name continues the other."""
    a, b = stem(one), stem(other)
    return bool(a) and bool(b) and (a.startswith(b) or b.startswith(a))


def county_kind(name):
    return next((kind for ending, kind in KIND_BY_ENDING if name.endswith(ending)), "DISTRICT")


def main(repository, commit):
    source = read_source(repository, commit)
    by_code = defaultdict(list)
    for record in source:
        by_code[record["code"]].append(record)

    with open(HERE / "regions.csv", encoding="utf-8", newline="") as f:
        current_rows = list(csv.DictReader(f))
    current = {row["code"]: row for row in current_rows}

    # a current row is the source's record in use under that code; else (a code the lists dropped, which the current
    # table keeps) the source's latest record of the same name
    current_record = {}
    for code, row in current.items():
        same_name = [r for r in by_code.get(code, []) if r["name"] == row["name"]]
        in_use = [r for r in same_name if r["to"] is None]
        if in_use or same_name:
            current_record[code] = (in_use or sorted(same_name, key=lambda r: r["from"]))[-1]
        if not in_use and same_name:
            print(f"note: {code} {row['name']} is current in regions.csv, but the lists ended it in "
                  f"{current_record[code]['to']}; kept current", file=sys.stderr)

    def valid_from(code):
        record = current_record.get(code)
        if record is not None:
            return record["from"]
        # a row the lists never held (a zone, a grouping of the current table): in use as long as its parent, and only
        # after every record the code had in them
        parent = current[code]["parent"]
        return max([valid_from(parent) if parent else FIRST_LIST] + [r["to"] + 1 for r in by_code.get(code, [])])

    past = [r for r in source if r["to"] is not None and current_record.get(r["code"]) is not r]
    past_by_code = defaultdict(list)
    for record in past:
        past_by_code[record["code"]].append(record)

    def record_at(code, year):
        if code in current and valid_from(code) <= year:
            return {"code": code, "name": current[code]["name"], "from": valid_from(code), "to": None}
        return next((r for r in past_by_code[code] if valid_in(r, year)), None)

    def city_of(record):
        """The city a county-level record lay in: its code's city while it was in use, else its province's."""
        city = record["code"][:4] + "00"
        province = record["code"][:2] + "0000"
        # the current table puts a municipality's units under a city row of the same name (110100 北京市)
        municipality = record["code"][:2] + "0100"
        outside_cities = municipality if current.get(municipality, {}).get("name") == current[province]["name"] else province
        city_records = [r for r in past_by_code[city] if r["sourceLevel"] == "地级"]
        if any(overlaps(record["from"], record["to"], r) for r in city_records) or (
                city in current and current[city]["level"] == "CITY"
                and overlaps(record["from"], record["to"], {"from": valid_from(city), "to": None})):
            return city
        return outside_cities

    def successor(record):
        """The one successor that continues the record: the only one, its own code, or the one of its name."""
        successors = record["successors"]
        if len(successors) == 1 or record["code"] in successors:
            return successors[0] if len(successors) == 1 else record["code"]
        ended = record["to"] + 1
        named = [code for code in successors if (heir := record_at(code, ended)) is not None
                 and same_stem(heir["name"], record["name"])]
        return named[0] if len(named) == 1 else ""

    history = []
    for record in sorted(past, key=lambda r: (r["code"], r["from"])):
        level = {"省级": "PROVINCE", "地级": "CITY", "县级": "COUNTY"}[record["sourceLevel"]]
        history.append({
            "code": record["code"],
            "name": record["name"],
            "level": level,
            "parent": record["code"][:2] + "0000" if level == "CITY" else city_of(record),
            "kind": "CITY" if level == "CITY" else county_kind(record["name"]),
            "validFrom": "" if record["from"] <= FIRST_LIST else record["from"],
            "validTo": record["to"],
            "successors": ";".join(record["successors"]),
            "successor": successor(record) if record["successors"] else "",
        })

    with open(HERE / "region-history.csv", "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(history[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(history)

    columns = ["code", "name", "level", "parent", "kind", "validFrom"]
    with open(HERE / "regions.csv", "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        for row in current_rows:
            since = valid_from(row["code"])
            writer.writerow({**{c: row[c] for c in columns[:-1]}, "validFrom": "" if since <= FIRST_LIST else since})
    print(f"{len(history)} past records, {sum(1 for r in current_rows if valid_from(r['code']) > FIRST_LIST)} "
          f"current codes in use since after {FIRST_LIST}", file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
