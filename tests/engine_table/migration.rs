//! Table cases of `tests/engine_table.rs` (migration paths on a small dataset).

use super::*;

/// Options reachable from `src-7` by each kind of path; migration weight only.
pub(super) fn migration_dataset() -> Dataset {
    let mut ds = dataset(
        vec![scale10("stability"), crit("migration", migration())],
        vec![
            legacy(opt(
                "src",
                &[],
                vec![
                    ver("src-7", Some("2024-06-30"), &[]),
                    ver("src-8", Some("2021-12-31"), &[]),
                ],
            )),
            opt(
                "major",
                &[],
                vec![
                    ver("major-8", Some("2035-01-01"), &[]),
                    ver("major-9", Some("2035-01-01"), &[]),
                ],
            ),
            opt(
                "same",
                &[],
                vec![
                    ver("same-7", Some("2028-06-30"), &[]),
                    ver("same-9", Some("2035-01-01"), &[]),
                ],
            ),
            opt(
                "reinst",
                &[],
                vec![ver("reinst-9", Some("2035-01-01"), &[])],
            ),
            opt(
                "nopath",
                &[],
                vec![ver("nopath-9", Some("2035-01-01"), &[])],
            ),
            opt(
                "community",
                &[],
                vec![ver("community-8", Some("2035-01-01"), &[])],
            ),
        ],
    );
    ds.tools = vec![
        tool("convert", "Convert2Same"),
        tool("leapp", "Leapp"),
        tool("elevate", "ELevate"),
    ];
    ds.migrations = vec![
        mig(
            "src-7",
            "reinst-9",
            None,
            Method::Reinstall,
            Upgrade::Major,
            Backing::Official,
        ),
        mig(
            "src-7",
            "major-8",
            Some("leapp"),
            Method::InPlace,
            Upgrade::Major,
            Backing::Official,
        ),
        mig(
            "src-7",
            "major-9",
            None,
            Method::Reinstall,
            Upgrade::Major,
            Backing::Official,
        ),
        mig(
            "src-7",
            "same-7",
            Some("convert"),
            Method::InPlace,
            Upgrade::SameMajor,
            Backing::Official,
        ),
        mig(
            "src-7",
            "same-9",
            Some("elevate"),
            Method::InPlace,
            Upgrade::Major,
            Backing::Community,
        ),
        mig(
            "src-7",
            "community-8",
            Some("elevate"),
            Method::InPlace,
            Upgrade::Major,
            Backing::Community,
        ),
        mig(
            "src-8",
            "nopath-9",
            None,
            Method::Reinstall,
            Upgrade::Major,
            Backing::Official,
        ),
    ];
    ds
}

pub(super) fn migration_case(current: Option<&'static str>) -> Case {
    use Exp::*;
    let case = match current {
        None => Case::new(
            "migration: a new install scores every option fully",
            migration_dataset(),
            &[0.0, 1.0],
            vec![
                Ranking(&["major", "same", "reinst", "nopath", "community"]),
                Detail("reinst", "migration", "new install"),
                Total("nopath", 100.0),
                Excluded("src", "legacy"),
            ],
        ),
        Some(_) => Case::new(
            "migration: the route rule (latest landing on a tie) and each step kind's ease",
            migration_dataset(),
            &[0.0, 1.0],
            vec![
                Ranking(&["major", "same", "community", "reinst", "nopath"]),
                // Two one-step routes: the later landing (Same 9, community) beats the
                // same-major official one (Same 7, ends 2028).
                Utility("same", "migration", 0.5),
                Detail("same", "migration", "Same 9 via ELevate (1 step, community; security updates to 2035-01-01)"),
                Utility("major", "migration", 0.6),
                Detail("major", "migration", "Major 8 via Leapp (1 step, official; security updates to 2035-01-01)"),
                Utility("community", "migration", 0.5),
                Detail("community", "migration", "Community 8 via ELevate (1 step, community; security updates to 2035-01-01)"),
                // Listed reinstall paths add nothing: a reinstall is always possible.
                Utility("reinst", "migration", 0.2),
                Detail("reinst", "migration", "reinstall on Reinst 9 (no in-place route to a supported version; security updates to 2035-01-01)"),
                Utility("nopath", "migration", 0.2),
                Detail("nopath", "migration", "reinstall on Nopath 9"),
                Why("Migration: Major 8 via Leapp"),
                WhyNot("nopath", "Migration: reinstall on Nopath 9 (no in-place route to a supported version; security updates to 2035-01-01) vs Major 8 via Leapp"),
            ],
        ),
    };
    match current {
        Some(c) => case.current(c),
        None => case,
    }
}

/// A path into a version past its security end is skipped; the option falls back to a reinstall.
pub(super) fn migration_into_ended_version_case() -> Case {
    use Exp::*;
    let mut ds = migration_dataset();
    ds.options.push(opt(
        "stale",
        &[],
        vec![
            ver("stale-7", Some("2024-01-01"), &[]),
            ver("stale-9", Some("2035-01-01"), &[]),
        ],
    ));
    ds.migrations.push(mig(
        "src-7",
        "stale-7",
        Some("convert"),
        Method::InPlace,
        Upgrade::SameMajor,
        Backing::Official,
    ));
    Case::new(
        "migration: a path into an ended version does not count",
        ds,
        &[0.0, 1.0],
        vec![
            Utility("stale", "migration", 0.2),
            Detail(
                "stale",
                "migration",
                "reinstall on Stale 9 (no in-place route to a supported version",
            ),
            Utility("same", "migration", 0.5),
        ],
    )
    .current("src-7")
}
