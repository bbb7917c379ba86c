//! Writing a [`Dataset`] as RON text, in the canonical layout of `docs/FORMAT.md`.
//!
//! The layout is written by hand rather than by ron's serializer because the
//! file is shared in git and must diff well: one field per line, records in
//! their order, absent fields left out, id lists on one line, and multi-line
//! text as raw strings with real line breaks (ron's pretty printer escapes
//! them into one long line). The output is deterministic: the same data
//! always gives the same bytes. Every read of what this writes gives back
//! the same data (see the round-trip property tests).

use std::fmt::Write as _;

use crate::model::{
    Affiliate, AffiliateStatus, Company, CompanySize, Contact, Contract, ContractKind, CountryNote,
    CountryZone, Dataset, Institute, IsoDate, Meeting, Stage, Zone,
};

/// The first line of every file the app writes, so that any RON reader
/// accepts optional values without `Some(…)`.
pub const HEADER: &str = "#![enable(implicit_some)]\n";

/// Serialises the whole dataset.
pub fn to_ron_string(dataset: &Dataset) -> String {
    let mut w = RonWriter::default();
    w.out.push_str(HEADER);
    w.out.push_str("(\n");
    w.depth = 1;
    w.number("format", Some(u64::from(dataset.format)));
    w.string("title", dataset.title.as_deref());
    w.list("zones", &dataset.zones, zone);
    w.list("countries", &dataset.countries, country_zone);
    w.list("institutes", &dataset.institutes, institute);
    w.list("affiliates", &dataset.affiliates, affiliate);
    w.list("companies", &dataset.companies, company);
    w.list("meetings", &dataset.meetings, meeting);
    w.list("country_notes", &dataset.country_notes, country_note);
    w.list("contracts", &dataset.contracts, contract);
    w.out.push_str(")\n");
    w.out
}

fn zone(w: &mut RonWriter, z: &Zone) {
    w.string("id", Some(&z.id));
    w.string("name", z.name.as_deref());
}

fn country_zone(w: &mut RonWriter, c: &CountryZone) {
    w.string("code", Some(&c.code));
    w.string("zone", c.zone.as_deref());
}

fn institute(w: &mut RonWriter, i: &Institute) {
    w.string("id", Some(&i.id));
    w.string("name", i.name.as_deref());
    w.string("domain", i.domain.as_deref());
}

fn affiliate(w: &mut RonWriter, a: &Affiliate) {
    w.string("id", Some(&a.id));
    w.string("name", Some(&a.name));
    w.string("country", Some(&a.country));
    w.string("city", a.city.as_deref());
    w.variant("status", a.status.map(status_name));
    w.date("opened", a.opened.as_ref());
    w.id_list("institutes", &a.institutes);
    if let Some(contact) = a.contact.as_ref().filter(|c| !c.is_empty()) {
        w.record_field("contact", contact, contact_fields);
    }
    w.string("notes", a.notes.as_deref());
}

fn contact_fields(w: &mut RonWriter, c: &Contact) {
    w.string("name", c.name.as_deref());
    w.string("email", c.email.as_deref());
    w.string("phone", c.phone.as_deref());
}

fn company(w: &mut RonWriter, c: &Company) {
    w.string("id", Some(&c.id));
    w.string("name", c.name.as_deref());
    w.string("country", c.country.as_deref());
    w.string("sector", c.sector.as_deref());
    w.variant("size", c.size.map(size_name));
    w.string("website", c.website.as_deref());
}

fn meeting(w: &mut RonWriter, m: &Meeting) {
    w.string("id", Some(&m.id));
    w.date("date", Some(&m.date));
    w.string("company", Some(&m.company));
    w.string("affiliate", m.affiliate.as_deref());
    w.id_list("institutes", &m.institutes);
    w.string("initiative", m.initiative.as_deref());
    w.string("topic", m.topic.as_deref());
    w.variant("stage", m.stage.map(stage_name));
    w.number("value_eur", m.value_eur);
    w.date("follow_up", m.follow_up.as_ref());
    w.string("notes", m.notes.as_deref());
}

fn country_note(w: &mut RonWriter, n: &CountryNote) {
    w.string("id", Some(&n.id));
    w.string("country", n.country.as_deref());
    w.string("title", n.title.as_deref());
    w.string("body", n.body.as_deref());
    w.id_list("tags", &n.tags);
    w.date("updated", n.updated.as_ref());
    w.string("author", n.author.as_deref());
}

fn contract(w: &mut RonWriter, c: &Contract) {
    w.string("id", Some(&c.id));
    w.string("title", c.title.as_deref());
    w.variant("kind", c.kind.map(kind_name));
    w.string("company", c.company.as_deref());
    w.string("country", c.country.as_deref());
    w.string("programme", c.programme.as_deref());
    w.id_list("institutes", &c.institutes);
    w.date("signed", c.signed.as_ref());
    w.number("amount_eur", c.amount_eur);
    w.string("meeting", c.meeting.as_deref());
}

/// The identifier written for a status (the serde variant name).
pub fn status_name(s: AffiliateStatus) -> &'static str {
    match s {
        AffiliateStatus::Active => "Active",
        AffiliateStatus::Planned => "Planned",
        AffiliateStatus::Closed => "Closed",
    }
}

/// The identifier written for a company size.
pub fn size_name(s: CompanySize) -> &'static str {
    match s {
        CompanySize::Startup => "Startup",
        CompanySize::Sme => "Sme",
        CompanySize::MidCap => "MidCap",
        CompanySize::Large => "Large",
    }
}

/// The identifier written for a stage.
pub fn stage_name(s: Stage) -> &'static str {
    match s {
        Stage::FirstContact => "FirstContact",
        Stage::FollowUp => "FollowUp",
        Stage::Proposal => "Proposal",
        Stage::Negotiation => "Negotiation",
        Stage::ContractSigned => "ContractSigned",
        Stage::Closed => "Closed",
    }
}

/// The identifier written for a contract kind.
pub fn kind_name(k: ContractKind) -> &'static str {
    match k {
        ContractKind::Bilateral => "Bilateral",
        ContractKind::European => "European",
    }
}

/// Accumulates RON text with indentation.
#[derive(Default)]
struct RonWriter {
    out: String,
    depth: usize,
}

impl RonWriter {
    fn indent(&mut self) {
        for _ in 0..self.depth {
            self.out.push_str("    ");
        }
    }

    fn string(&mut self, name: &str, value: Option<&str>) {
        if let Some(value) = value {
            self.indent();
            self.out.push_str(name);
            self.out.push_str(": ");
            write_str_literal(&mut self.out, value);
            self.out.push_str(",\n");
        }
    }

    fn number(&mut self, name: &str, value: Option<u64>) {
        if let Some(value) = value {
            self.indent();
            // Writing to a String cannot fail.
            write!(self.out, "{name}: {value},").ok();
            self.out.push('\n');
        }
    }

    fn variant(&mut self, name: &str, value: Option<&str>) {
        if let Some(value) = value {
            self.indent();
            write!(self.out, "{name}: {value},").ok();
            self.out.push('\n');
        }
    }

    fn date(&mut self, name: &str, value: Option<&IsoDate>) {
        if let Some(value) = value {
            self.string(name, Some(&value.to_string()));
        }
    }

    /// A list of ids or tags, on one line.
    fn id_list(&mut self, name: &str, values: &[String]) {
        if values.is_empty() {
            return;
        }
        self.indent();
        self.out.push_str(name);
        self.out.push_str(": [");
        for (i, value) in values.iter().enumerate() {
            if i > 0 {
                self.out.push_str(", ");
            }
            write_str_literal(&mut self.out, value);
        }
        self.out.push_str("],\n");
    }

    /// A nested record, one field per line.
    fn record_field<T>(&mut self, name: &str, value: &T, fields: fn(&mut RonWriter, &T)) {
        self.indent();
        self.out.push_str(name);
        self.out.push_str(": (\n");
        self.depth += 1;
        fields(self, value);
        self.depth -= 1;
        self.indent();
        self.out.push_str("),\n");
    }

    /// A top-level list of records; always written, `[]` when empty.
    fn list<T>(&mut self, name: &str, records: &[T], fields: fn(&mut RonWriter, &T)) {
        self.indent();
        self.out.push_str(name);
        if records.is_empty() {
            self.out.push_str(": [],\n");
            return;
        }
        self.out.push_str(": [\n");
        self.depth += 1;
        for record in records {
            self.indent();
            self.out.push_str("(\n");
            self.depth += 1;
            fields(self, record);
            self.depth -= 1;
            self.indent();
            self.out.push_str("),\n");
            // For a progress bar when a save runs on a worker thread;
            // a save is not cancelled halfway, so the answer is not needed.
            crate::progress::tick();
        }
        self.depth -= 1;
        self.indent();
        self.out.push_str("],\n");
    }
}

/// Writes a string literal: a raw string with real line breaks for
/// multi-line text, an escaped one-line string otherwise.
fn write_str_literal(out: &mut String, value: &str) {
    let multi_line = value.contains('\n')
        && value
            .chars()
            .all(|c| c == '\n' || c == '\t' || !c.is_control());
    if multi_line {
        let hashes = "#".repeat(longest_hash_run_after_quote(value) + 1);
        out.push('r');
        out.push_str(&hashes);
        out.push('"');
        out.push_str(value);
        out.push('"');
        out.push_str(&hashes);
        return;
    }
    out.push('"');
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                write!(out, "\\u{{{:x}}}", u32::from(c)).ok();
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// The longest run of `#` right after a `"`: a raw string needs one more
/// `#` than that so that no `"#…` inside the text can close it.
fn longest_hash_run_after_quote(value: &str) -> usize {
    value
        .split('"')
        .skip(1)
        .map(|after_quote| after_quote.bytes().take_while(|b| *b == b'#').count())
        .max()
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn literal(value: &str) -> String {
        let mut out = String::new();
        write_str_literal(&mut out, value);
        out
    }

    #[test]
    fn one_line_text_is_escaped_and_keeps_unicode() {
        assert_eq!(literal("Müller \"Q\" 東京 🚀"), r#""Müller \"Q\" 東京 🚀""#);
        assert_eq!(literal("a\tb\\c\r\n"), r#""a\tb\\c\r\n""#);
        assert_eq!(literal("bell\u{7}"), r#""bell\u{7}""#);
    }

    #[test]
    fn multi_line_text_is_a_raw_string_with_enough_hashes() {
        assert_eq!(literal("line 1\nline 2"), "r#\"line 1\nline 2\"#");
        assert_eq!(literal("a \"#\" b\nc"), "r##\"a \"#\" b\nc\"##");
        assert_eq!(literal("## Heading\ntext"), "r#\"## Heading\ntext\"#");
    }
}
