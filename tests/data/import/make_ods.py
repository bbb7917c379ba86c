#!/usr/bin/env python3
"""Writes meetings.ods, the OpenDocument fixture of tests/import.rs.

An ODS file is a ZIP archive: `mimetype` first and stored uncompressed,
then the manifest and `content.xml` with one table. Run from this folder:
`python3 make_ods.py`. The output is deterministic (fixed timestamps).
"""

import zipfile

MIMETYPE = "application/vnd.oasis.opendocument.spreadsheet"

MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
 <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>
"""


def text(value):
    return f'<table:table-cell office:value-type="string"><text:p>{value}</text:p></table:table-cell>'


def date(iso):
    return (
        f'<table:table-cell office:value-type="date" office:date-value="{iso}">'
        f"<text:p>{iso}</text:p></table:table-cell>"
    )


def number(value):
    return (
        f'<table:table-cell office:value-type="float" office:value="{value}">'
        f"<text:p>{value}</text:p></table:table-cell>"
    )


def currency(value):
    return (
        f'<table:table-cell office:value-type="currency" office:currency="EUR" office:value="{value}">'
        f"<text:p>{value} €</text:p></table:table-cell>"
    )


ROWS = [
    [text("Identifiant"), text("Date"), text("Entreprise"), text("Valeur (€)"), text("Sujet")],
    [text("m-0001"), date("2015-02-12"), text("acme-bio"), number("1200"), text("Biomarkers")],
    [text(""), date("2015-04-01"), text("Kanto Optics"), currency("250000.5"), text("Lenses")],
    # A spurious cell far below, after blank rows: row 6 as a person sees it.
    '<table:table-cell table:number-columns-repeated="5"/>',
    '<table:table-cell table:number-columns-repeated="5"/>',
    [text("m-0002"), date("2015-03-12"), text("kanto"), number("0"), text("Optics")],
]

rows_xml = []
for row in ROWS:
    cells = row if isinstance(row, str) else "".join(row)
    rows_xml.append(f"<table:table-row>{cells}</table:table-row>")

CONTENT = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document-content
  xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
  xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
  xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
  office:version="1.2">
 <office:body>
  <office:spreadsheet>
   <table:table table:name="Rendez-vous">
    {''.join(rows_xml)}
   </table:table>
  </office:spreadsheet>
 </office:body>
</office:document-content>
"""


def entry(name):
    info = zipfile.ZipInfo(name, date_time=(2015, 1, 1, 0, 0, 0))
    return info


with zipfile.ZipFile("meetings.ods", "w") as ods:
    info = entry("mimetype")
    info.compress_type = zipfile.ZIP_STORED
    ods.writestr(info, MIMETYPE)
    for name, body in [("META-INF/manifest.xml", MANIFEST), ("content.xml", CONTENT)]:
        info = entry(name)
        info.compress_type = zipfile.ZIP_DEFLATED
        ods.writestr(info, body)
