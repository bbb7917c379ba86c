//! Any bytes as a spreadsheet to import (CSV, TSV, XLSX, XLS, ODS, chosen
//! by the first byte; the second chooses the list): reading gives a table
//! or an `ImportError`, never a panic; the mapping, the formats, the dry run
//! against (a cut of) the bundled sample and its report never panic; the plan's edit
//! applies to the sample, and the result survives the writer's round trip.

#![no_main]

use std::path::Path;
use std::sync::LazyLock;

use liaison_desk::edit::apply;
use liaison_desk::format::{parse_str, to_ron_string};
use liaison_desk::import::{auto_mapping, detect_formats, plan, report, table_from_bytes};
use liaison_desk::model::{Dataset, ListKind};
use libfuzzer_sys::fuzz_target;

/// The bundled sample, its long lists cut to their first records: the
/// import meets real ids, names and zones, and a run stays quick (the
/// whole sample, cloned and written for each input, gives 25 runs a second).
static SAMPLE: LazyLock<Dataset> = LazyLock::new(|| {
    let mut sample = parse_str(liaison_desk::SAMPLE_DATA)
        .expect("the bundled sample reads")
        .dataset;
    const KEPT: usize = 40;
    sample.affiliates.truncate(KEPT);
    sample.companies.truncate(KEPT);
    sample.meetings.truncate(KEPT);
    sample.country_notes.truncate(KEPT);
    sample.contracts.truncate(KEPT);
    sample
});

const NAMES: [&str; 5] = ["fuzz.csv", "fuzz.xlsx", "fuzz.ods", "fuzz.xls", "fuzz.tsv"];

fuzz_target!(|data: &[u8]| {
    let [format, list, bytes @ ..] = data else {
        return;
    };
    let name = NAMES[usize::from(*format) % NAMES.len()];
    let list = ListKind::ALL[usize::from(*list) % ListKind::ALL.len()];
    let Ok(table) = table_from_bytes(Path::new(name), bytes) else {
        return;
    };
    let sample = &*SAMPLE;
    let mapping = auto_mapping(list, &table.headers);
    let formats = detect_formats(&table);
    let mut out = std::io::sink();
    report::write_source(&table, &mut out).ok();
    report::write_mapping(&table, &mapping, &formats, &mut out).ok();
    let planned = plan(sample, list, &table, &mapping, &formats);
    for create_companies in [false, true] {
        report::write_rows(&planned, sample, create_companies, &mut out).ok();
        let _ = planned.counts(create_companies);
        let Some(edit) = planned.edit(create_companies) else {
            continue;
        };
        let mut imported = sample.clone();
        if let Err(error) = apply(&mut imported, edit) {
            panic!("the plan's edit does not apply to the data it was planned on: {error}");
        }
        // The lists the import changed, through the writer and back.
        let touched = touched_lists(&mut imported, list);
        let text = to_ron_string(&touched);
        match parse_str(&text) {
            Ok(again) => assert!(
                again.dataset == touched,
                "imported data changed on reading back\n{text}"
            ),
            Err(error) => panic!("imported data does not read back: {error}\n{text}"),
        }
    }
});

/// A dataset holding only `list` of `imported` and the companies (which a
/// meeting or contract import may add to): writing the whole sample for
/// each input would make the run ten times slower.
fn touched_lists(imported: &mut Dataset, list: ListKind) -> Dataset {
    let mut touched = Dataset {
        companies: std::mem::take(&mut imported.companies),
        ..Dataset::default()
    };
    match list {
        ListKind::Zones => touched.zones = std::mem::take(&mut imported.zones),
        ListKind::Countries => touched.countries = std::mem::take(&mut imported.countries),
        ListKind::Institutes => touched.institutes = std::mem::take(&mut imported.institutes),
        ListKind::Affiliates => touched.affiliates = std::mem::take(&mut imported.affiliates),
        ListKind::Companies => {}
        ListKind::Meetings => touched.meetings = std::mem::take(&mut imported.meetings),
        ListKind::CountryNotes => {
            touched.country_notes = std::mem::take(&mut imported.country_notes)
        }
        ListKind::Contracts => touched.contracts = std::mem::take(&mut imported.contracts),
    }
    touched
}
