#!/usr/bin/env python3
"""Writes the seed inputs of the fuzz targets into fuzz/work/seeds/<target>/.

Seeds: FORMAT.md's complete example, small hand-broken data files (those of
tests/cli.rs and more), and spreadsheets exported from the example by the
real binary (CSV in both dialects, XLSX), the ODS fixture of tests/, and the
CSV fixtures of tests/import.rs. Run from the repository root after
`cargo build`:

    python3 fuzz/make_seeds.py
"""

import pathlib
import subprocess
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
BIN = ROOT / "target" / "debug" / "liaison-desk"
SEEDS = ROOT / "fuzz" / "work" / "seeds"

# The first byte of an import_table input chooses the file name, the second the list.
NAMES = ["csv", "xlsx", "ods", "xls", "tsv"]
LISTS = ["zones", "countries", "institutes", "affiliates", "companies",
         "meetings", "country_notes", "contracts"]


def format_md_example() -> str:
    doc = (ROOT / "docs" / "FORMAT.md").read_text()
    rest = doc[doc.index("## A complete example"):]
    start = rest.index("```ron\n") + len("```ron\n")
    return rest[start:rest.index("```", start)]


SMALL = """(
    format: 1,
    zones: [(id: "europe", name: "Europe"), (id: "north-america", name: "North America")],
    countries: [(code: "US", zone: "north-america"), (code: "DE", zone: "europe")],
    companies: [(id: "acme", name: "Acme Bio", country: "US"), (id: "rhein", name: "Rhein GmbH", country: "DE")],
    meetings: [
        (id: "m-1", date: "2014-02-12", company: "acme"),
        (id: "m-2", date: "2015-03-12", company: "rhein"),
    ],
)"""


def ron_seeds() -> dict[str, bytes]:
    example = format_md_example()
    deep = "[" * 200 + "]" * 200
    return {
        "format-md-example.ron": example.encode(),
        "small.ron": SMALL.encode(),
        "small-bom-crlf.ron": b"\xef\xbb\xbf" + SMALL.replace("\n", "\r\n").encode(),
        "comments.ron": b"// a comment\n(format: 1, /* block */ title: \"t // not a comment\")\n",
        "raw-strings.ron": b'#![enable(implicit_some)]\n(format: 1, country_notes: [(id: "n", body: r##"two\nlines "# with hashes"##, tags: ["a", "b"])])\n',
        "some.ron": b'(format: 1, title: Some("x"), meetings: [(id: "m", date: "2015-02-30", company: "c", value_eur: Some(5))])\n',
        "enums.ron": b'(format: 1, affiliates: [(id: "a", name: "A", country: "JP", status: Planned)], companies: [(id: "c", size: MidCap)], contracts: [(id: "k", kind: European, country: "DE", amount_eur: 110000000)])\n',
        "truncated.ron": SMALL[: len(SMALL) // 2].encode(),
        "binary.ron": bytes([0x7F, ord("E"), ord("L"), ord("F"), 2, 1, 1, 0, 0, 0]),
        "latin1.ron": b'(format: 1, title: "Soci\xe9t\xe9")',
        "empty.ron": b"",
        "blank.ron": b"  \n\t\n",
        "json.ron": b'{"format": 1, "companies": []}',
        "deep-value.ron": f"(format: 1, title: {deep})".encode(),
        "deep-unknown.ron": f"(format: 1, extra: {deep})".encode(),
        "typo.ron": b'(format: 1, companies: [(id: "a", nmae: "Acme")])',
        "negative.ron": b'(format: 1, contracts: [(id: "c", amount_eur: -5)])',
        "float.ron": b'(format: 1, contracts: [(id: "c", amount_eur: 1.5e3)])',
        "wrong-type.ron": b'(format: 1, meetings: [(id: "m", date: 2015, company: "a")])',
        "bad-enum.ron": b'(format: 1, companies: [(id: "a", size: Huge)])',
        "no-format.ron": b'(title: "x")',
        "newer.ron": b'(format: 2, tasks: [(id: "t")])',
        "zero.ron": b"(format: 0)",
        "dup-ids.ron": b'(format: 1, zones: [(id: "z", name: "Z"), (id: "z", name: "Z2")], countries: [(code: "XX", zone: "nowhere")])',
        "unicode.ron": '(format: 1, title: "Réseau \U0001F30D \\u{e9} \\"q\\" \\t", institutes: [(id: "é", name: "Ünï")])'.encode(),
    }


FRENCH_EXCEL = (b"Identifiant;Date;Soci\xe9t\xe9;Montant;Sujet;\xc9tape\r\n"
                b"m-0001;12/02/2015;acme-bio;1\xa0200,00 \x80;Biomarkers;Suivi\r\n"
                b";13/02/2015;Kanto Optics;1200,5;R\xe9union \xe0 Tokyo;Premier contact\r\n"
                b";01/03/2015;Muller GmbH;2 500 000,00 \x80;;\r\n")

MIXED = """Id,Date,Company,Affiliate,Value (€),Stage,Topic
m-0001,2015-02-12,acme-bio,,1000,,Biomarkers
m-0002,2015-03-12,kanto,tokyo,,,Optics
,2015-05-01,acme-bio,,,,New topic
m-0010,31/02/2015,acme-bio,,,,x
m-0012,2015-05-03,acme-bio,,-500,,x
m-0015,2015-05-05,acme-bio
m-0016,2015-05-07,acme-bio,,,,"two
lines"
""".encode()

BY_NAME = """Date,Company,Country,Topic
2015-06-01,ACME BIO INC,FR,a
2015-06-02,Nouvelle Société,FR,b
2015-13-01,Ghost Ltd,JP,d
""".encode()


def table_seed(name: str, list_name: str, body: bytes) -> bytes:
    return bytes([NAMES.index(name), LISTS.index(list_name)]) + body


def import_seeds(example_path: pathlib.Path, tmp: pathlib.Path) -> dict[str, bytes]:
    seeds = {
        "french-excel-meetings.csv": table_seed("csv", "meetings", FRENCH_EXCEL),
        "mixed-meetings.csv": table_seed("csv", "meetings", MIXED),
        "by-name-meetings.csv": table_seed("csv", "meetings", BY_NAME),
        "companies.tsv": table_seed("tsv", "companies", b"Name\tCountry\tSector\nAcme\tUS\tBiotech\n"),
        "ods-meetings.ods": table_seed("ods", "meetings", (ROOT / "tests/data/import/meetings.ods").read_bytes()),
        "xls-named.xls": table_seed("xls", "companies", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64)),
        # Real .xls files: one LibreOffice wrote, one xlwt wrote (tests/data/xls/README.md).
        "libreoffice-meetings.xls": table_seed("xls", "meetings", (ROOT / "tests/data/xls/meetings.xls").read_bytes()),
        "xlwt-texts.xls": table_seed("xls", "meetings", (ROOT / "tests/data/xls/texts.xls").read_bytes()),
    }
    for list_name in LISTS:
        for dialect in ["standard", "excel-fr"]:
            out = tmp / f"{list_name}-{dialect}.csv"
            subprocess.run([BIN, "export", example_path, "--kind", list_name, "--format", "csv",
                            "--dialect", dialect, "-o", out], check=True, capture_output=True)
            seeds[out.name] = table_seed("csv", list_name, out.read_bytes())
    for list_name in ["meetings", "companies", "contracts"]:
        out = tmp / f"{list_name}.xlsx"
        subprocess.run([BIN, "export", example_path, "--kind", list_name, "--format", "xlsx",
                        "-o", out], check=True, capture_output=True)
        seeds[out.name] = table_seed("xlsx", list_name, out.read_bytes())
    return seeds


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = pathlib.Path(tmp_name)
        example_path = tmp / "example.ron"
        example_path.write_text(format_md_example())
        for target, seeds in [("load_ron", ron_seeds()),
                              ("import_table", import_seeds(example_path, tmp))]:
            folder = SEEDS / target
            folder.mkdir(parents=True, exist_ok=True)
            for name, data in seeds.items():
                (folder / name).write_bytes(data)
            print(f"{folder}: {len(seeds)} seeds")


if __name__ == "__main__":
    main()
