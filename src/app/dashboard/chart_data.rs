//! The figures of each chart, from the cached [`Dashboard`], and what a
//! click on one of them shows (the drill-down).

use std::collections::HashMap;

use eframe::egui::Color32;

use super::{ChartId, DashboardAction};
use crate::app::charts::{ChartData, Hit, Series, Unit};
use crate::app::form::{kind_label, stage_label, status_label};
use crate::app::theme;
use crate::countries::UNASSIGNED_ZONE;
use crate::dashboard::{Dashboard, Drill, PIPELINE_STEPS, STAGE_SLOTS, StagePick};
use crate::i18n::catalogue::dashboard as msg;
use crate::model::{AffiliateStatus, ContractKind, ListKind, Stage};

/// The zone names of the dashboard's rows.
fn zone_names(dashboard: &Dashboard) -> Vec<String> {
    dashboard
        .summary
        .rows
        .iter()
        .map(|r| r.zone_name.clone())
        .collect()
}

/// The colour of a row's zone.
fn row_color(dashboard: &Dashboard, row: usize) -> Color32 {
    let unassigned = dashboard
        .summary
        .rows
        .get(row)
        .is_none_or(|r| r.zone_id == UNASSIGNED_ZONE);
    theme::zone_color((!unassigned).then_some(row))
}

/// The figures of every chart, from the dashboard.
pub(super) fn chart_data(dashboard: &Dashboard, by_quarter: bool) -> HashMap<ChartId, ChartData> {
    let zones = zone_names(dashboard);
    let meetings = Unit::Count(msg::MEETING_ONE, msg::MEETING_OTHER);
    let per_zone =
        |pick: &dyn Fn(usize) -> u64| -> Vec<u64> { (0..zones.len()).map(pick).collect() };
    let mut charts = HashMap::new();

    let stage_names: Vec<String> = Stage::ALL
        .iter()
        .map(|s| stage_label(*s).to_owned())
        .chain(std::iter::once(msg::NO_STAGE.text().to_owned()))
        .collect();
    let stage_series = (0..STAGE_SLOTS)
        .map(|slot| Series {
            name: stage_names.get(slot).cloned().unwrap_or_default(),
            color: theme::STAGE_COLORS
                .get(slot)
                .copied()
                .unwrap_or(Color32::GRAY),
            values: per_zone(&|z| {
                dashboard
                    .zones
                    .get(z)
                    .and_then(|c| c.meetings_by_stage.get(slot))
                    .copied()
                    .unwrap_or(0)
            }),
        })
        .collect();
    charts.insert(
        ChartId::MeetingsByStage,
        ChartData {
            categories: zones.clone(),
            category_title: msg::ZONE.text().to_owned(),
            series: stage_series,
            unit: meetings,
            axis_title: msg::MEETINGS.text().to_owned(),
        },
    );

    charts.insert(
        ChartId::CompaniesMet,
        ChartData {
            categories: zones.clone(),
            category_title: msg::ZONE.text().to_owned(),
            series: vec![Series {
                name: msg::COMPANIES_MET.text().to_owned(),
                color: theme::COMPANIES_COLOR,
                values: per_zone(&|z| dashboard.summary.rows.get(z).map_or(0, |r| r.companies_met)),
            }],
            unit: Unit::Count(msg::COMPANY_ONE, msg::COMPANY_OTHER),
            axis_title: msg::COMPANIES.text().to_owned(),
        },
    );

    charts.insert(
        ChartId::Affiliates,
        ChartData {
            categories: zones.clone(),
            category_title: msg::ZONE.text().to_owned(),
            series: vec![
                Series {
                    name: status_label(AffiliateStatus::Active).to_owned(),
                    color: theme::ACTIVE_COLOR,
                    values: per_zone(&|z| {
                        dashboard.zones.get(z).map_or(0, |c| c.active_affiliates)
                    }),
                },
                Series {
                    name: status_label(AffiliateStatus::Planned).to_owned(),
                    color: theme::PLANNED_COLOR,
                    values: per_zone(&|z| {
                        dashboard.zones.get(z).map_or(0, |c| c.planned_affiliates)
                    }),
                },
            ],
            unit: Unit::Count(msg::AFFILIATE_ONE, msg::AFFILIATE_OTHER),
            axis_title: msg::AFFILIATES.text().to_owned(),
        },
    );

    charts.insert(
        ChartId::ContractValue,
        ChartData {
            categories: zones.clone(),
            category_title: msg::ZONE.text().to_owned(),
            series: vec![
                Series {
                    name: kind_label(ContractKind::Bilateral).to_owned(),
                    color: theme::BILATERAL_COLOR,
                    values: per_zone(&|z| {
                        dashboard
                            .summary
                            .rows
                            .get(z)
                            .map_or(0, |r| chart_value(r.bilateral_eur))
                    }),
                },
                Series {
                    name: kind_label(ContractKind::European).to_owned(),
                    color: theme::EUROPEAN_COLOR,
                    values: per_zone(&|z| {
                        dashboard
                            .summary
                            .rows
                            .get(z)
                            .map_or(0, |r| chart_value(r.european_eur))
                    }),
                },
            ],
            unit: Unit::Euros,
            axis_title: msg::CONTRACT_VALUE_AXIS.text().to_owned(),
        },
    );

    let series = if by_quarter {
        &dashboard.by_quarter
    } else {
        &dashboard.by_year
    };
    charts.insert(
        ChartId::OverTime,
        ChartData {
            categories: series.buckets.iter().map(|b| b.label()).collect(),
            category_title: if by_quarter { msg::QUARTER } else { msg::YEAR }
                .text()
                .to_owned(),
            series: (0..zones.len())
                .map(|z| Series {
                    name: zones.get(z).cloned().unwrap_or_default(),
                    color: row_color(dashboard, z),
                    values: series.counts.get(z).cloned().unwrap_or_default(),
                })
                .collect(),
            unit: meetings,
            axis_title: msg::MEETINGS.text().to_owned(),
        },
    );

    charts.insert(
        ChartId::Pipeline,
        ChartData {
            categories: PIPELINE_STEPS
                .iter()
                .map(|s| stage_label(*s).to_owned())
                .collect(),
            category_title: msg::STAGE_REACHED.text().to_owned(),
            series: (0..zones.len())
                .map(|z| Series {
                    name: zones.get(z).cloned().unwrap_or_default(),
                    color: row_color(dashboard, z),
                    values: dashboard
                        .zones
                        .get(z)
                        .map(|c| c.reached.to_vec())
                        .unwrap_or_default(),
                })
                .collect(),
            unit: meetings,
            axis_title: msg::MEETINGS.text().to_owned(),
        },
    );

    charts.insert(
        ChartId::Coverage,
        ChartData {
            categories: zones.clone(),
            category_title: msg::ZONE.text().to_owned(),
            series: vec![
                Series {
                    name: msg::WITH_NOTE.text().to_owned(),
                    color: theme::COVERED_COLOR,
                    values: per_zone(&|z| {
                        dashboard
                            .zones
                            .get(z)
                            .map_or(0, |c| c.countries_met - c.countries_without_note)
                    }),
                },
                Series {
                    name: msg::WITHOUT_NOTE.text().to_owned(),
                    color: theme::UNCOVERED_COLOR,
                    values: per_zone(&|z| {
                        dashboard
                            .zones
                            .get(z)
                            .map_or(0, |c| c.countries_without_note)
                    }),
                },
            ],
            unit: Unit::Count(msg::COUNTRY_ONE, msg::COUNTRY_OTHER),
            axis_title: msg::COUNTRIES_WITH_MEETINGS.text().to_owned(),
        },
    );
    charts
}

/// What a click on a chart's figure shows.
pub(super) fn drill_for(
    chart: ChartId,
    hit: Hit,
    dashboard: &Dashboard,
    context: &str,
    by_quarter: bool,
) -> Option<DashboardAction> {
    let filter = dashboard.filter.clone();
    let zone_of = |row: usize| dashboard.summary.rows.get(row);
    let (list, label, drill) = match chart {
        ChartId::MeetingsByStage => {
            let zone = zone_of(hit.category)?;
            let stage = Stage::ALL.get(hit.series).copied();
            let stage_name = stage.map_or(msg::NO_STAGE.text(), stage_label);
            (
                ListKind::Meetings,
                format!("{context} · {} · {stage_name}", zone.zone_name),
                Drill {
                    filter,
                    zone: Some(zone.zone_id.clone()),
                    stage: Some(StagePick::Exactly(stage)),
                    ..Drill::default()
                },
            )
        }
        ChartId::CompaniesMet => {
            let zone = zone_of(hit.category)?;
            (
                ListKind::Companies,
                format!(
                    "{context} · {} · {}",
                    zone.zone_name,
                    msg::DRILL_COMPANIES_MET
                ),
                Drill {
                    filter,
                    zone: Some(zone.zone_id.clone()),
                    ..Drill::default()
                },
            )
        }
        ChartId::Affiliates => {
            let zone = zone_of(hit.category)?;
            let status = if hit.series == 0 {
                AffiliateStatus::Active
            } else {
                AffiliateStatus::Planned
            };
            let words = status_label(status).to_lowercase();
            (
                ListKind::Affiliates,
                format!("{context} · {} · {words}", zone.zone_name),
                Drill {
                    filter,
                    zone: Some(zone.zone_id.clone()),
                    affiliate_status: Some(status),
                    ..Drill::default()
                },
            )
        }
        ChartId::ContractValue => {
            let zone = zone_of(hit.category)?;
            let kind = if hit.series == 0 {
                ContractKind::Bilateral
            } else {
                ContractKind::European
            };
            (
                ListKind::Contracts,
                format!("{context} · {} · {}", zone.zone_name, kind_label(kind)),
                Drill {
                    filter,
                    zone: Some(zone.zone_id.clone()),
                    contract_kind: Some(kind),
                    ..Drill::default()
                },
            )
        }
        ChartId::OverTime => {
            let zone = zone_of(hit.series)?;
            let series = if by_quarter {
                &dashboard.by_quarter
            } else {
                &dashboard.by_year
            };
            let bucket = *series.buckets.get(hit.category)?;
            (
                ListKind::Meetings,
                format!("{context} · {} · {}", zone.zone_name, bucket.label()),
                Drill {
                    filter,
                    zone: Some(zone.zone_id.clone()),
                    bucket: Some(bucket),
                    ..Drill::default()
                },
            )
        }
        ChartId::Pipeline => {
            let zone = zone_of(hit.series)?;
            let step = *PIPELINE_STEPS.get(hit.category)?;
            (
                ListKind::Meetings,
                format!(
                    "{context} · {} · {}",
                    zone.zone_name,
                    msg::DRILL_REACHED.with(&[("stage", &stage_label(step).to_lowercase())])
                ),
                Drill {
                    filter,
                    zone: Some(zone.zone_id.clone()),
                    stage: Some(StagePick::Reached(step)),
                    ..Drill::default()
                },
            )
        }
        ChartId::Coverage => {
            let zone = zone_of(hit.category)?;
            let uncovered = hit.series == 1;
            let words = if uncovered {
                msg::DRILL_UNCOVERED
            } else {
                msg::DRILL_COUNTRIES_MET
            };
            (
                ListKind::Meetings,
                format!("{context} · {} · {words}", zone.zone_name),
                Drill {
                    filter,
                    zone: Some(zone.zone_id.clone()),
                    uncovered_only: uncovered,
                    ..Drill::default()
                },
            )
        }
        ChartId::Map => return None,
    };
    Some(DashboardAction::Drill { list, label, drill })
}

/// A sum as a bar's height. A bar cannot be drawn taller than `u64::MAX`
/// euros; the exact figure is in the key figures and the summary table.
fn chart_value(sum: crate::stats::EuroSum) -> u64 {
    u64::try_from(sum).unwrap_or(u64::MAX)
}
