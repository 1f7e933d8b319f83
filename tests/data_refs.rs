//! The references resolved once after validation (`Dataset::refs`): every id of the embedded
//! dataset resolves to the entry it names, ratings line up with their criteria, and a copy
//! that is edited resolves again.
#![cfg(not(target_arch = "wasm32"))]

use elcompare::data::{from_json_str, At, Dataset, EMBEDDED_JSON};

fn embedded() -> Dataset {
    from_json_str(EMBEDDED_JSON).expect("embedded dataset is valid")
}

#[test]
fn every_reference_of_the_embedded_dataset_resolves_to_what_it_names() {
    let d = embedded();
    let refs = d.refs();
    for (oi, o) in d.options.iter().enumerate() {
        assert_eq!(d.option(&o.id).map(|(i, _)| i), Some(oi));
        for (vi, v) in o.versions.iter().enumerate() {
            let s = refs.stage(&v.id).expect("version resolves");
            assert_eq!((s.option, s.at), (oi, At::Version(vi)), "{}", v.id);
            assert_eq!(d.version(&v.id).map(|(i, x)| (i, &x.id)), Some((oi, &v.id)));
        }
        for (ci, c) in d.criteria.iter().enumerate() {
            let by_id = o.ratings.iter().find(|r| r.criterion == c.id);
            assert_eq!(d.rating(oi, ci), by_id, "{} / {}", o.id, c.id);
        }
    }
    for (wi, w) in d.waypoints.iter().enumerate() {
        let s = refs.stage(&w.id).expect("waypoint resolves");
        assert_eq!(s.at, At::Waypoint(wi));
        assert_eq!(d.options.get(s.option).map(|o| &o.id), Some(&w.option));
    }
    for (mi, m) in d.migrations.iter().enumerate() {
        let r = refs.migration(mi).expect("migration resolves");
        assert_eq!(r.from, refs.stage(&m.from), "{}", m.from);
        assert_eq!(r.to, refs.stage(&m.to), "{}", m.to);
        assert!(r.from.is_some() && r.to.is_some());
        let tool = r.tool.and_then(|t| d.tools.get(t)).map(|t| &t.id);
        assert_eq!(tool, m.tool.as_ref());
    }
    for (si, s) in d.sources.iter().enumerate() {
        assert_eq!(refs.source(&s.id), Some(si));
        assert_eq!(d.source(&s.id).map(|x| &x.url), Some(&s.url));
    }
    assert_eq!(refs.stage("no-such-version"), None);
    assert_eq!(d.option("no-such-option"), None);
}

#[test]
fn an_edited_copy_resolves_its_own_references() {
    let d = embedded();
    let mut copy = d.clone();
    copy.options.reverse();
    let last = copy.options.len() - 1;
    let first_id = &d.options[0].id;
    assert_eq!(d.option(first_id).map(|(i, _)| i), Some(0));
    assert_eq!(copy.option(first_id).map(|(i, _)| i), Some(last));
    let v = &d.options[0].versions[0].id;
    assert_eq!(copy.refs().stage(v).map(|s| s.option), Some(last));
}
